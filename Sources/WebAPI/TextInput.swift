import HTTPTypes
import QueueCore

/// Identifiers and names are refused at the boundary (400 `invalid_characters`) when they hold a control
/// character, U+0000–U+001F or U+007F: SQLite would cut a bound string at NUL (`admin\u0000zzz` read as
/// `admin`), and a tab or newline in a name breaks displays, tickets and CSV files.
public enum TextInput {
    public static func check(_ value: String, _ name: String) throws(APIError) {
        guard value.unicodeScalars.contains(where: isControl) else { return }
        throw APIError(
            .badRequest, .invalidCharacters,
            "“\(name)” chứa ký tự điều khiển (U+0000–U+001F hoặc U+007F); hãy bỏ các ký tự đó rồi gửi lại.",
            "'\(name)' contains a control character (U+0000–U+001F or U+007F); remove it and send again.")
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || scalar.value == 0x7F }
}

/// A request body whose identifiers and names `TextInput` checks.
protocol TextChecked {
    func checkText() throws(APIError)
}

extension Field: TextChecked {
    func checkText() throws(APIError) {
        for (value, name) in [(code, "code"), (name, "name"), (nameEn, "nameEn"), (prefix, "prefix")] {
            try TextInput.check(value, name)
        }
    }
}

extension Procedure: TextChecked {
    func checkText() throws(APIError) {
        for (value, name) in [(code, "code"), (field, "field"), (name, "name"), (fee, "fee")] { try TextInput.check(value, name) }
        for document in documents { try TextInput.check(document, "documents") }
    }
}

extension Counter: TextChecked {
    func checkText() throws(APIError) {
        try TextInput.check(name, "name")
        for field in fields { try TextInput.check(field, "fields") }
    }
}

extension Catalog: TextChecked {
    func checkText() throws(APIError) {
        try TextInput.check(centreName, "centreName")
        for field in fields { try field.checkText() }
        for procedure in procedures { try procedure.checkText() }
        for counter in counters { try counter.checkText() }
        for session in sessions {
            try TextInput.check(session.start, "start")
            try TextInput.check(session.end, "end")
        }
    }
}

extension CalendarYear: TextChecked {
    func checkText() throws(APIError) {
        for entry in holidays + swappedWorkingDays {
            try TextInput.check(entry.date, "date")
            try TextInput.check(entry.name, "name")
        }
    }
}
