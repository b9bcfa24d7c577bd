extension PrinterProfiles {
    /// The limits a real ESC/POS printer has; a profile outside them cannot describe one.
    /// - width: whole bytes of `GS v 0` (multiple of 8), at most 832 dots (104 mm at 203 dpi);
    /// - strip height: 1…2303 rows, the smallest documented `GS v 0` limit (yH ≤ 8);
    /// - line spacing: one byte of `ESC 3 n`.
    public static func validate(_ profile: PrinterProfile, file: String) throws(PrinterProfilesError) {
        let idCharacters = profile.id.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard !profile.id.isEmpty, idCharacters else {
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
