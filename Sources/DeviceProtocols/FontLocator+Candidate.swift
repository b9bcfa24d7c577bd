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
