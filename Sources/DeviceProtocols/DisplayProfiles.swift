public import Foundation

/// Loads and checks the counter-display profiles in `devices/displays/*.json`. Strict like `PrinterProfiles`:
/// a misspelt field or a checksum kind the code does not know is reported with the file and the field,
/// instead of a board silently showing garbage.
public enum DisplayProfiles {
    typealias Fields = ProfileFields<DisplayProfilesError>

    /// Every `*.json` file in `directory`, sorted by file name, validated, with unique ids.
    public static func load(directory: URL) throws(DisplayProfilesError) -> [DisplayProfile] {
        try ProfileDirectory.load(directory, decode: decode(_:file:), id: \.id)
    }

    /// One profile from JSON text; `file` only names it in errors.
    public static func decode(_ data: Data, file: String) throws(DisplayProfilesError) -> DisplayProfile {
        let profile = try read(Fields.parse(data, file: file))
        try validate(profile, file: file)
        return profile
    }

    static func read(_ reader: Fields) throws(DisplayProfilesError) -> DisplayProfile {
        let kind: DisplayCommandSet = try reader.choice("kind")
        let common: Set<String> = ["id", "name", "kind", "serial", "notes"]
        try reader.onlyKeys(
            common.union(kind.isCharacterDisplay ? ["columns", "rows", "brightness"] : ["cells", "frame"]))
        let id = try reader.string("id")
        let name = try reader.string("name")
        let serial = try readSerial(reader.child("serial"))
        let notes = try reader.optionalString("notes")
        if kind.isCharacterDisplay {
            return DisplayProfile(
                id: id, name: name, kind: kind, columns: try reader.int("columns"), rows: try reader.int("rows"),
                brightness: try reader.optionalInt("brightness") ?? 4, serial: serial, notes: notes)
        }
        return DisplayProfile(
            id: id, name: name, kind: kind, columns: try reader.int("cells"), rows: 1, serial: serial,
            frame: try readFrame(reader.child("frame")), notes: notes)
    }

    static func readSerial(_ reader: Fields) throws(DisplayProfilesError) -> DisplaySerialSettings {
        try reader.onlyKeys(["baud", "dataBits", "parity", "stopBits"])
        return DisplaySerialSettings(
            baud: try reader.int("baud"), dataBits: try reader.optionalInt("dataBits") ?? 8,
            parity: try reader.choice("parity", default: DisplaySerialSettings.Parity.none),
            stopBits: try reader.optionalInt("stopBits") ?? 1)
    }
}

extension DisplayProfiles {
    /// The `frame` object of an LED profile; see `DisplayLEDFrame` for the meaning of each part.
    static func readFrame(_ reader: Fields) throws(DisplayProfilesError) -> DisplayLEDFrame {
        try reader.onlyKeys(["header", "address", "command", "length", "payload", "trailer", "checksum", "end"])
        let address = try reader.child("address")
        try address.onlyKeys(["encoding", "width", "min", "max"])
        let encoding: DisplayLEDAddress.Encoding = try address.choice("encoding")
        let width = encoding == .none ? 0 : try address.int("width")
        let low = try address.optionalInt("min")
        let high = try address.optionalInt("max")
        let capacity = DisplayLEDAddress.capacity(encoding, width: width)
        let lower = low ?? capacity.lowerBound
        let upper = high ?? capacity.upperBound
        guard lower <= upper else {
            throw address.invalid(
                "min", value: "\(lower)", "không được lớn hơn max (\(upper))", "must not be above max (\(upper))")
        }
        var length: DisplayLEDLength?
        if reader.has("length") {
            let field = try reader.child("length")
            try field.onlyKeys(["width", "adjust", "byteOrder"])
            length = DisplayLEDLength(
                width: try field.int("width"), adjust: try field.optionalInt("adjust") ?? 0,
                byteOrder: try field.choice("byteOrder", default: .big))
        }
        let payload = try reader.child("payload")
        try payload.onlyKeys(["encoding", "content"])
        let checksum = try reader.child("checksum")
        try checksum.onlyKeys(["kind", "from", "through", "byteOrder"])
        return DisplayLEDFrame(
            header: try reader.bytes("header"),
            address: DisplayLEDAddress(encoding: encoding, width: width, range: lower...upper),
            command: try reader.bytes("command"), length: length,
            payload: DisplayLEDPayload(
                encoding: try payload.choice("encoding"), content: try payload.choice("content")),
            trailer: try reader.bytes("trailer"),
            checksum: DisplayLEDChecksumField(
                kind: try checksum.choice("kind"), from: try checksum.choice("from", default: .header),
                through: try checksum.choice("through", default: .trailer),
                byteOrder: try checksum.choice("byteOrder", default: .big)),
            end: try reader.bytes("end"))
    }
}

extension ProfileFields where Failure == DisplayProfilesError {
    /// An array of bytes, each a number 0…255 or a hex string "0x1B"; `[]` when absent.
    func bytes(_ key: String) throws(DisplayProfilesError) -> [UInt8] {
        guard has(key) else { return [] }
        guard case .array(let items) = try value(key) else {
            throw wrongType(key, "một mảng byte, ví dụ [2, \"0x03\"]", "an array of bytes, e.g. [2, \"0x03\"]")
        }
        var result: [UInt8] = []
        for (index, item) in items.enumerated() {
            let byte: UInt8? =
                switch item {
                case .integer(let number): UInt8(exactly: number)
                case .string(let text) where text.lowercased().hasPrefix("0x"): UInt8(text.dropFirst(2), radix: 16)
                default: nil
                }
            guard let byte else {
                throw invalid(
                    "\(key)[\(index)]", value: item.shown, "phải là một byte 0…255 hoặc chuỗi hex như \"0x1B\"",
                    "must be a byte 0…255 or a hex string like \"0x1B\"")
            }
            result.append(byte)
        }
        return result
    }
}

extension DisplayProfiles {
    /// The limits a real display has; a profile outside them cannot describe one.
    /// - character displays: 1…40 columns × 1…4 rows (LCDproc keeps DM-D to 20×4), CD5220 1…20 × 1…2;
    ///   brightness 1…4;
    /// - LED boards: 1…16 cells, an even number for BCD; address 1–2 bytes or 1–4 ASCII digits;
    /// - serial: a baud in `DisplaySerialSettings.supportedBauds`, 7 or 8 data bits, 1 or 2 stop bits.
    public static func validate(_ profile: DisplayProfile, file: String) throws(DisplayProfilesError) {
        guard ProfileDirectory.isWellFormedID(profile.id) else {
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
            throw .missingField(file: file, field: "frame")
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
        .invalidValue(file: file, field: field, value: value, vietnamese: vietnamese, english: english)
    }
}
