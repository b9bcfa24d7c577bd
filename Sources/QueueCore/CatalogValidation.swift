import Foundation

/// Checks a catalog before it reaches the store, so a bad file or admin edit is refused with a precise message.
extension Catalog {
    public func validate() throws(QueueError) {
        try require(!centreName.trimmed.isEmpty, "Tên trung tâm không được để trống.", "Centre name must not be empty.")
        for field in fields { try field.validate() }
        try requireUnique(fields.map(\.code), what: "mã lĩnh vực", english: "field code")
        try requireUnique(fields.map(\.prefix), what: "tiền tố số phiếu", english: "ticket prefix")
        let fieldCodes = Set(fields.map(\.code))
        for procedure in procedures {
            try procedure.validate()
            guard fieldCodes.contains(procedure.field) else {
                throw QueueError(
                    .invalidCatalog,
                    message:
                        "Thủ tục \(procedure.code) thuộc lĩnh vực “\(procedure.field)” không có trong danh mục; chuyển hoặc xóa thủ tục trước khi xóa lĩnh vực.",
                    englishMessage:
                        "Procedure \(procedure.code) belongs to field '\(procedure.field)', which is not in the catalog; move or delete the procedure first."
                )
            }
        }
        try requireUnique(procedures.map(\.code), what: "mã thủ tục", english: "procedure code")
        for counter in counters {
            try counter.validate()
            for code in counter.fields where !fieldCodes.contains(code) {
                throw QueueError(
                    .invalidCatalog,
                    message: "Quầy \(counter.number) phục vụ lĩnh vực “\(code)” không có trong danh mục; sửa quầy trước khi xóa lĩnh vực.",
                    englishMessage: "Counter \(counter.number) serves field '\(code)', which is not in the catalog; edit the counter first."
                )
            }
        }
        try requireUnique(counters.map { String($0.number) }, what: "số quầy", english: "counter number")
        for session in sessions { try session.validate() }
    }
}

extension Field {
    public func validate() throws(QueueError) {
        try require(
            Self.isCode(code), "Mã lĩnh vực “\(code)” chỉ gồm chữ thường không dấu, số và dấu gạch ngang.",
            "Field code '\(code)' must be lowercase ASCII letters, digits and dashes.")
        try require(
            !name.trimmed.isEmpty && !nameEn.trimmed.isEmpty, "Lĩnh vực “\(code)” cần tên tiếng Việt và tiếng Anh.",
            "Field '\(code)' needs a Vietnamese and an English name.")
        try require(
            prefix.count >= 1 && prefix.count <= 2 && prefix.allSatisfy { $0.isASCII && $0.isUppercase },
            "Tiền tố “\(prefix)” phải là 1–2 chữ in hoa A–Z.", "Prefix '\(prefix)' must be 1–2 capital letters A–Z.")
        try require(
            (1...240).contains(waitTargetMinutes), "Mục tiêu thời gian chờ phải từ 1 đến 240 phút.",
            "Wait target must be between 1 and 240 minutes.")
    }

    static func isCode(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 40
            && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}

extension Procedure {
    public func validate() throws(QueueError) {
        try require(
            !code.trimmed.isEmpty && code.count <= 40, "Mã thủ tục không hợp lệ: “\(code)”.",
            "Invalid procedure code '\(code)'.")
        try require(!name.trimmed.isEmpty, "Thủ tục “\(code)” cần có tên.", "Procedure '\(code)' needs a name.")
        try require(
            (0...365).contains(workingDays), "Thời hạn giải quyết của “\(code)” phải từ 0 đến 365 ngày làm việc.",
            "Working days of '\(code)' must be 0–365.")
        try require(
            (1...3).contains(sameDayGroup), "Nhóm giải quyết trong ngày của “\(code)” phải là 1, 2 hoặc 3.",
            "Same-day group of '\(code)' must be 1, 2 or 3.")
        try require(
            documents.count <= 40 && documents.allSatisfy { !$0.trimmed.isEmpty && $0.count <= 300 },
            "Thành phần hồ sơ của “\(code)”: tối đa 40 giấy tờ, mỗi dòng không trống và không quá 300 ký tự.",
            "Documents of '\(code)': at most 40, each non-empty and at most 300 characters.")
        try require(fee.count <= 200, "Lệ phí của “\(code)” không quá 200 ký tự.", "Fee of '\(code)' must be at most 200 characters.")
    }
}

extension Counter {
    public func validate() throws(QueueError) {
        try require((1...999).contains(number), "Số quầy phải từ 1 đến 999.", "Counter number must be 1–999.")
        try require(!name.trimmed.isEmpty, "Quầy \(number) cần có tên.", "Counter \(number) needs a name.")
        try require(
            !fields.isEmpty, "Quầy \(number) phải phục vụ ít nhất một lĩnh vực.",
            "Counter \(number) must serve at least one field.")
    }
}

extension OfficeSession {
    public func validate() throws(QueueError) {
        guard let startMinute, let endMinute, startMinute < endMinute else {
            throw .invalid(
                "Buổi làm việc “\(start)–\(end)” không hợp lệ (dạng HH:MM, bắt đầu trước kết thúc).",
                "Office session '\(start)–\(end)' is invalid (HH:MM, start before end).")
        }
    }
}

func require(_ condition: Bool, _ message: String, _ english: String) throws(QueueError) {
    if !condition { throw QueueError(.invalidCatalog, message: message, englishMessage: english) }
}

func requireUnique(_ values: [String], what: String, english: String) throws(QueueError) {
    var seen = Set<String>()
    for value in values where !seen.insert(value).inserted {
        throw QueueError(.invalidCatalog, message: "Trùng \(what): “\(value)”.", englishMessage: "Duplicate \(english): '\(value)'.")
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
