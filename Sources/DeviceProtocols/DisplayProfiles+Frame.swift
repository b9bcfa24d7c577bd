extension DisplayProfiles {
    /// The `frame` object of an LED profile; see `DisplayLEDFrame` for the meaning of each part.
    static func readFrame(_ reader: DisplayProfileReader) throws(DisplayProfilesError) -> DisplayLEDFrame {
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
            throw .invalidValue(
                reader.file, field: address.name("min"), value: "\(lower)",
                vietnamese: "không được lớn hơn max (\(upper))", english: "must not be above max (\(upper))")
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
