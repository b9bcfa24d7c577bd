public import Foundation

/// Finds a TrueType font that can draw Vietnamese, at run time, because tickets are printed as raster images
/// (cheap printers' Vietnamese code pages are missing or broken) and the box may have any fonts installed.
///
/// Order: `KHONGCHO_FONT` (and optionally `KHONGCHO_FONT_BOLD`), then DejaVu Sans (Debian `fonts-dejavu-core`,
/// installed by the Makefile), then Noto Sans, then Arial on macOS for developers.
public struct FontLocator: Sendable {
    /// A font file to use for regular text, instead of the search.
    public static let environmentVariable = "KHONGCHO_FONT"
    /// The bold companion of `KHONGCHO_FONT`; without it bold is synthesised from the regular face.
    public static let boldEnvironmentVariable = "KHONGCHO_FONT_BOLD"

    /// The fonts searched for, best first.
    public static let standardCandidates: [Candidate] = [
        Candidate(
            regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
            package: "fonts-dejavu-core"
        ),
        Candidate(
            regular: "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
            bold: "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
            package: "fonts-noto-core"
        ),
        Candidate(
            regular: "/System/Library/Fonts/Supplemental/Arial.ttf",
            bold: "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
            package: "macOS"
        ),
    ]

    public var environment: [String: String]
    public var candidates: [Candidate]
    /// Injected so tests can describe a machine without touching its disk.
    public var fileExists: @Sendable (String) -> Bool

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        candidates: [Candidate] = FontLocator.standardCandidates,
        fileExists: @escaping @Sendable (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) {
        self.environment = environment
        self.candidates = candidates
        self.fileExists = fileExists
    }

    /// The font files to use; an error that names the package to install when there is none.
    public func locate() throws(FontLocatorError) -> Fonts {
        if let path = environment[Self.environmentVariable], !path.isEmpty {
            return try fromEnvironment(regular: path)
        }
        for candidate in candidates where fileExists(candidate.regular) {
            let bold = candidate.bold.flatMap { fileExists($0) ? URL(fileURLWithPath: $0) : nil }
            return Fonts(regular: URL(fileURLWithPath: candidate.regular), bold: bold)
        }
        throw .noFont(searched: candidates.map(\.regular))
    }

    /// A configured font that is missing is an error, not a silent fall-back: the operator asked for it.
    private func fromEnvironment(regular path: String) throws(FontLocatorError) -> Fonts {
        guard fileExists(path) else { throw .configuredFontMissing(variable: Self.environmentVariable, path: path) }
        var bold: URL?
        if let boldPath = environment[Self.boldEnvironmentVariable], !boldPath.isEmpty {
            guard fileExists(boldPath) else {
                throw .configuredFontMissing(variable: Self.boldEnvironmentVariable, path: boldPath)
            }
            bold = URL(fileURLWithPath: boldPath)
        }
        return Fonts(regular: URL(fileURLWithPath: path), bold: bold)
    }
}

extension FontLocator {
    /// One font family the locator looks for, with the package that installs it (named in the error).
    public struct Candidate: Sendable, Equatable {
        public var regular: String
        public var bold: String?
        public var package: String

        public init(regular: String, bold: String?, package: String) {
            self.regular = regular
            self.bold = bold
            self.package = package
        }
    }
}

extension FontLocator {
    /// The font files found: a regular face and, when there is one, its bold companion.
    public struct Fonts: Sendable, Equatable {
        public var regular: URL
        /// `nil`: bold text is synthesised by thickening the regular glyphs.
        public var bold: URL?

        public init(regular: URL, bold: URL?) {
            self.regular = regular
            self.bold = bold
        }
    }
}

/// Why no font could be used; each message says what to install or set.
public enum FontLocatorError: Error, Equatable, CustomStringConvertible {
    /// None of the standard fonts is installed.
    case noFont(searched: [String])
    /// `KHONGCHO_FONT` or `KHONGCHO_FONT_BOLD` names a file that does not exist.
    case configuredFontMissing(variable: String, path: String)

    public var description: String {
        switch self {
        case .noFont(let searched):
            "Không tìm thấy phông chữ tiếng Việt để in phiếu — no Vietnamese-capable font found "
                + "(looked for \(searched.joined(separator: ", "))). Install the Debian package fonts-dejavu-core "
                + "(apt-get install fonts-dejavu-core, or `make deps-run`), or set \(FontLocator.environmentVariable) "
                + "to a TrueType font file that covers Vietnamese."
        case .configuredFontMissing(let variable, let path):
            "Phông chữ cấu hình không tồn tại — \(variable) names \(path), which does not exist. "
                + "Fix the path or unset \(variable) to use DejaVu Sans (package fonts-dejavu-core)."
        }
    }
}
