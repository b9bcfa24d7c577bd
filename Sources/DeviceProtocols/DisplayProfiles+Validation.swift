extension DisplayProfiles {
    /// The limits a real display has; a profile outside them cannot describe one.
    /// - character displays: 1…40 columns × 1…4 rows (LCDproc keeps DM-D to 20×4), CD5220 1…20 × 1…2;
    ///   brightness 1…4;
    /// - LED boards: 1…16 cells, an even number for BCD; address 1–2 bytes or 1–4 ASCII digits;
    /// - serial: a baud in `DisplaySerialSettings.supportedBauds`, 7 or 8 data bits, 1 or 2 stop bits.
    public static func validate(_ profile: DisplayProfile, file: String) throws(DisplayProfilesError) {
        let idCharacters = profile.id.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard !profile.id.isEmpty, idCharacters else {
            throw invalid(
                file, "id", "\"\(profile.id)\"", "chỉ gồm chữ thường, chữ số và -",
                "must be lowercase letters, digits and -")
        }
        guard !profile.name.allSatisfy(\.isWhitespace) else {
            throw invalid(file, "name", "\"\(profile.name)\"", "không được để trống", "must not be empty")
        }
        try validate(profile.serial, file: file)
        if profile.kind.isCharacterDisplay {
            let maxColumns = profile.kind == .cd5220 ? 20 : 40
            let maxRows = profile.kind == .cd5220 ? 2 : 4
            guard (1...maxColumns).contains(profile.columns) else {
                throw invalid(
                    file, "columns", "\(profile.columns)", "phải từ 1 đến \(maxColumns)", "must be 1…\(maxColumns)")
            }
            guard (1...maxRows).contains(profile.rows) else {
                throw invalid(file, "rows", "\(profile.rows)", "phải từ 1 đến \(maxRows)", "must be 1…\(maxRows)")
            }
            guard (1...4).contains(profile.brightness) else {
                throw invalid(file, "brightness", "\(profile.brightness)", "phải từ 1 đến 4", "must be 1…4")
            }
            return
        }
        guard let frame = profile.frame else {
            throw DisplayProfilesError.missingField(file, field: "frame")
        }
        guard (1...16).contains(profile.columns) else {
            throw invalid(file, "cells", "\(profile.columns)", "phải từ 1 đến 16", "must be 1…16")
        }
        if frame.payload.encoding == .bcd, profile.columns % 2 != 0 {
            throw invalid(
                file, "cells", "\(profile.columns)", "phải là số chẵn khi payload.encoding là \"bcd\" (2 số mỗi byte)",
                "must be even when payload.encoding is \"bcd\" (2 digits per byte)")
        }
        try validate(frame.address, file: file)
        if let length = frame.length, !(1...2).contains(length.width) {
            throw invalid(file, "frame.length.width", "\(length.width)", "phải là 1 hoặc 2", "must be 1 or 2")
        }
        if frame.checksum.from > frame.checksum.through {
            throw invalid(
                file, "frame.checksum.from", "\"\(frame.checksum.from.rawValue)\"",
                "phải đứng trước hoặc bằng \"through\" (\(frame.checksum.through.rawValue))",
                "must come before or equal \"through\" (\(frame.checksum.through.rawValue))")
        }
    }

    static func validate(_ serial: DisplaySerialSettings, file: String) throws(DisplayProfilesError) {
        let bauds = DisplaySerialSettings.supportedBauds.map(String.init).joined(separator: ", ")
        guard DisplaySerialSettings.supportedBauds.contains(serial.baud) else {
            throw invalid(
                file, "serial.baud", "\(serial.baud)", "phải là một trong \(bauds)", "must be one of \(bauds)")
        }
        guard DisplaySerialSettings.supportedDataBits.contains(serial.dataBits) else {
            throw invalid(file, "serial.dataBits", "\(serial.dataBits)", "phải là 7 hoặc 8", "must be 7 or 8")
        }
        guard DisplaySerialSettings.supportedStopBits.contains(serial.stopBits) else {
            throw invalid(file, "serial.stopBits", "\(serial.stopBits)", "phải là 1 hoặc 2", "must be 1 or 2")
        }
    }

    static func validate(_ address: DisplayLEDAddress, file: String) throws(DisplayProfilesError) {
        let widths: ClosedRange<Int> =
            switch address.encoding {
            case .none: 0...0
            case .byte: 1...2
            case .asciiDecimal, .asciiHex: 1...4
            }
        guard widths.contains(address.width) else {
            throw invalid(
                file, "frame.address.width", "\(address.width)",
                "phải từ \(widths.lowerBound) đến \(widths.upperBound)",
                "must be \(widths.lowerBound)…\(widths.upperBound) for \"\(address.encoding.rawValue)\"")
        }
        let capacity = DisplayLEDAddress.capacity(address.encoding, width: address.width)
        for (field, value) in [("min", address.range.lowerBound), ("max", address.range.upperBound)]
        where !capacity.contains(value) {
            throw invalid(
                file, "frame.address.\(field)", "\(value)",
                "phải nằm trong \(capacity.lowerBound)…\(capacity.upperBound) mà độ rộng địa chỉ chứa được",
                "must be within \(capacity.lowerBound)…\(capacity.upperBound), what the address width holds")
        }
    }

    private static func invalid(
        _ file: String, _ field: String, _ value: String, _ vietnamese: String, _ english: String
    )
        -> DisplayProfilesError
    {
        .invalidValue(file, field: field, value: value, vietnamese: vietnamese, english: english)
    }
}
