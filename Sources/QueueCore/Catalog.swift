/// What a centre offers: fields (lĩnh vực) with their procedures, the counters that serve them, and office hours.
public struct Catalog: Codable, Sendable, Equatable {
    public var centreName: String
    public var fields: [Field]
    public var procedures: [Procedure]
    public var counters: [Counter]
    public var sessions: [OfficeSession]

    public init(
        centreName: String, fields: [Field], procedures: [Procedure], counters: [Counter], sessions: [OfficeSession]
    ) {
        self.centreName = centreName
        self.fields = fields
        self.procedures = procedures
        self.counters = counters
        self.sessions = sessions
    }
}

/// A field (lĩnh vực) with its own number series and waiting line.
public struct Field: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var nameEn: String
    /// Ticket prefix, one or two capital letters, unique in the centre.
    public var prefix: String
    /// Minutes a citizen should wait at most (mục tiêu thời gian chờ).
    public var waitTargetMinutes: Int

    public init(code: String, name: String, nameEn: String, prefix: String, waitTargetMinutes: Int = 15) {
        self.code = code
        self.name = name
        self.nameEn = nameEn
        self.prefix = prefix
        self.waitTargetMinutes = waitTargetMinutes
    }
}

/// A procedure (thủ tục) of a field, with its legal processing time.
public struct Procedure: Codable, Sendable, Equatable {
    /// National procedure code (mã TTHC) where known.
    public var code: String
    public var field: String
    public var name: String
    /// Statutory processing time in working days; 0 means handled on the spot.
    public var workingDays: Int
    /// Same-day group: 1 same day, 2 shortened, 3 not eligible.
    public var sameDayGroup: Int
    /// Listed for the no-wait Friday (Thứ sáu không chờ).
    public var noWaitFriday: Bool
    /// The papers a citizen brings (thành phần hồ sơ), one per line, as the officer checks them at intake.
    public var documents: [String]
    /// The fee or charge as the centre posts it ("Miễn phí", "50.000 đồng/bản"); empty when not set.
    public var fee: String

    public init(
        code: String, field: String, name: String, workingDays: Int, sameDayGroup: Int, noWaitFriday: Bool,
        documents: [String] = [], fee: String = ""
    ) {
        self.code = code
        self.field = field
        self.name = name
        self.workingDays = workingDays
        self.sameDayGroup = sameDayGroup
        self.noWaitFriday = noWaitFriday
        self.documents = documents
        self.fee = fee
    }

    enum CodingKeys: String, CodingKey {
        case code, field, name, workingDays, sameDayGroup, noWaitFriday, documents, fee
    }

    /// Catalog files written before the checklist and fee existed still load (both empty).
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try values.decode(String.self, forKey: .code), field: try values.decode(String.self, forKey: .field),
            name: try values.decode(String.self, forKey: .name), workingDays: try values.decode(Int.self, forKey: .workingDays),
            sameDayGroup: try values.decode(Int.self, forKey: .sameDayGroup),
            noWaitFriday: try values.decode(Bool.self, forKey: .noWaitFriday),
            documents: try values.decodeIfPresent([String].self, forKey: .documents) ?? [],
            fee: try values.decodeIfPresent(String.self, forKey: .fee) ?? "")
    }
}

/// A counter (quầy) and the fields it serves.
public struct Counter: Codable, Sendable, Equatable {
    public var number: Int
    public var name: String
    public var fields: [String]

    public init(number: Int, name: String, fields: [String]) {
        self.number = number
        self.name = name
        self.fields = fields
    }
}

/// An office session such as 07:30–11:30, as minutes after midnight.
public struct OfficeSession: Codable, Sendable, Equatable {
    public var start: String
    public var end: String

    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }

    public var startMinute: Int? { Self.minutes(start) }
    public var endMinute: Int? { Self.minutes(end) }

    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }
}
