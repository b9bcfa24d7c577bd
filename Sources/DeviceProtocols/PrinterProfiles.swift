public import Foundation

/// Loads and checks the printer profiles in `devices/printers/*.json`. Adding a printer model is adding a
/// file, so the loader is strict: a typo in a field name or a width the printer cannot have is reported with
/// the file and field instead of silently printing a wrong ticket.
public enum PrinterProfiles {
    /// The JSON keys of `PrinterProfile` (its property names). Any other key but `notes` (free text such as
    /// the source of a USB id) is rejected as a probable misspelling.
    static let knownFields: Set<String> = [
        "id", "name", "vendorID", "productID", "paperWidthDots", "cut", "nativeQR", "vietnameseCodePage",
        "statusSupported", "maxStripHeight", "lineSpacing",
    ]
    static let freeTextFields: Set<String> = ["notes"]

    /// The JSON spellings of `PrinterProfile.Cut`, for error messages.
    static var cutNames: [String] { PrinterProfile.Cut.allCases.map(\.rawValue) }

    /// Every `*.json` file in `directory`, sorted by file name, validated, with unique ids and USB ids.
    public static func load(directory: URL) throws(PrinterProfilesError) -> [PrinterProfile] {
        var fileOfUSBID: [String: String] = [:]
        return try ProfileDirectory.load(directory, decode: decode(_:file:), id: \.id) {
            profile, file throws(PrinterProfilesError) in
            let usbID = "\(profile.vendorID):\(profile.productID)"
            if let other = fileOfUSBID[usbID] { throw .duplicateUSBID(usbID: usbID, file: file, otherFile: other) }
            fileOfUSBID[usbID] = file
        }
    }

    /// One profile from JSON text; `file` only names it in errors.
    public static func decode(_ data: Data, file: String) throws(PrinterProfilesError) -> PrinterProfile {
        let fields = try ProfileFields<PrinterProfilesError>.parse(data, file: file)
        try fields.onlyKeys(knownFields.union(freeTextFields))
        let profile = PrinterProfile(
            id: try fields.string("id"), name: try fields.string("name"), vendorID: try fields.string("vendorID"),
            productID: try fields.string("productID"), paperWidthDots: try fields.int("paperWidthDots"),
            cut: try fields.choice("cut"), nativeQR: try fields.bool("nativeQR"),
            vietnameseCodePage: try fields.bool("vietnameseCodePage"), statusSupported: try fields.bool("statusSupported"),
            maxStripHeight: try fields.int("maxStripHeight"), lineSpacing: try fields.int("lineSpacing"))
        _ = try fields.optionalString("notes")
        try validate(profile, file: file)
        return profile
    }

    /// The profile for a plugged-in printer, if one matches its USB vendor and product id.
    public static func profile(vendorID: UInt16, productID: UInt16, in profiles: [PrinterProfile]) -> PrinterProfile? {
        profiles.first { usbID($0.vendorID) == vendorID && usbID($0.productID) == productID }
    }

    /// A 4-digit lowercase hex USB id as a number (`"0416"` → 0x0416); nil for anything else.
    public static func usbID(_ text: String) -> UInt16? {
        guard text.count == 4, text.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) else {
            return nil
        }
        return UInt16(text, radix: 16)
    }
}

extension PrinterProfiles {
    /// The limits a real ESC/POS printer has; a profile outside them cannot describe one.
    /// - width: whole bytes of `GS v 0` (multiple of 8), at most 832 dots (104 mm at 203 dpi);
    /// - strip height: 1…2303 rows, the smallest documented `GS v 0` limit (yH ≤ 8);
    /// - line spacing: one byte of `ESC 3 n`.
    public static func validate(_ profile: PrinterProfile, file: String) throws(PrinterProfilesError) {
        guard ProfileDirectory.isWellFormedID(profile.id) else {
            throw .invalidValue(
                file: file, field: "id", value: quoted(profile.id), rule: "must be lowercase letters, digits and -")
        }
        guard !profile.name.allSatisfy(\.isWhitespace) else {
            throw .invalidValue(file: file, field: "name", value: quoted(profile.name), rule: "must not be empty")
        }
        for (field, value) in [("vendorID", profile.vendorID), ("productID", profile.productID)]
        where usbID(value) == nil {
            throw .invalidValue(
                file: file, field: field, value: quoted(value),
                rule: "must be 4 lowercase hex digits as lsusb prints them (e.g. \"0416\")")
        }
        let width = profile.paperWidthDots
        guard width > 0, width <= 832, width % 8 == 0 else {
            throw .invalidValue(
                file: file, field: "paperWidthDots", value: "\(width)",
                rule: "must be a multiple of 8 from 8 to 832 (384 for 58 mm, 576 for 80 mm)")
        }
        guard (1...2303).contains(profile.maxStripHeight) else {
            throw .invalidValue(
                file: file, field: "maxStripHeight", value: "\(profile.maxStripHeight)",
                rule: "must be 1…2303 rows (256 is safe for most printers)")
        }
        guard (0...255).contains(profile.lineSpacing) else {
            throw .invalidValue(
                file: file, field: "lineSpacing", value: "\(profile.lineSpacing)", rule: "must be 0…255 dots")
        }
    }

    private static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
