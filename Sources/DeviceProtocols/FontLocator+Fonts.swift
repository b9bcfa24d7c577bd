public import Foundation

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
