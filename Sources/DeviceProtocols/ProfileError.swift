/// How one kind of device profile words the mistakes the shared loader (`ProfileDirectory`,
/// `ProfileFields`) finds. Keypads, displays and modems share one wording (`WordedProfileError`); printers, whose
/// errors are an English-only enum, word their own.
protocol ProfileError: Error {
    static func directoryUnreadable(path: String, reason: String) -> Self
    static func fileUnreadable(file: String, reason: String) -> Self
    /// The bytes are not JSON; `reason` is the parser's.
    static func notJSON(file: String, reason: String) -> Self
    /// Valid JSON whose top level is not an object `{ … }`.
    static func notAnObject(file: String) -> Self
    static func missingField(file: String, field: String) -> Self
    /// A key the kind does not know: a probable misspelling.
    static func unknownField(file: String, field: String) -> Self
    /// `vietnamese` and `english` name what the field must be ("một chuỗi", "a string").
    static func wrongType(file: String, field: String, vietnamese: String, english: String) -> Self
    /// `value` as written in the file; `vietnamese` and `english` state the rule it breaks.
    static func invalidValue(file: String, field: String, value: String, vietnamese: String, english: String) -> Self
    static func duplicateID(id: String, file: String, otherFile: String) -> Self
}
