import Foundation
import Testing

@testable import DeviceProtocols

/// The reading all profile kinds share: JSON kinds kept apart, dotted field names, ids, each kind's wording.
@Suite struct ProfileLoaderTests {
    typealias Fields = ProfileFields<DisplayProfilesError>

    static func fields(_ json: String) throws -> Fields { try Fields.parse(Data(json.utf8), file: "f.json") }

    static func wrongType(_ field: String, _ vietnamese: String, _ english: String) -> DisplayProfilesError {
        .wrongType(file: "f.json", field: field, vietnamese: vietnamese, english: english)
    }

    @Test func booleansWholeNumbersAndFractionsStayApart() throws {
        let fields = try Self.fields(#"{"b": true, "i": 3, "f": 2.5, "s": "x", "a": [1, "y"], "o": {}, "n": null}"#)
        #expect(fields.entries.map(\.key) == ["a", "b", "f", "i", "n", "o", "s"])
        #expect(fields.entries.map(\.value.shown) == ["[…]", "true", "2.5", "3", "null", "{…}", #""x""#])
        #expect(try fields.bool("b") && fields.int("i") == 3 && fields.string("s") == "x")
        #expect(throws: Self.wrongType("f", "một số nguyên", "a whole number")) { try fields.int("f") }
        #expect(throws: Self.wrongType("i", "true hoặc false", "true or false")) { try fields.bool("i") }
    }

    @Test func nestedFieldsAreNamedWithTheirPath() throws {
        let checksum = try Self.fields(#"{"frame": {"checksum": {"kind": 7}}}"#).child("frame").child("checksum")
        #expect(checksum.name("kind") == "frame.checksum.kind")
        #expect(throws: DisplayProfilesError.missingField(file: "f.json", field: "frame.checksum.from")) {
            try checksum.string("from")
        }
        #expect(throws: DisplayProfilesError.unknownField(file: "f.json", field: "frame.checksum.kind")) {
            try checksum.onlyKeys(["from"])
        }
        let array = try Self.fields(#"{"frame": {"checksum": []}}"#).child("frame")
        #expect(throws: Self.wrongType("frame.checksum", "một đối tượng { … }", "an object { … }")) {
            try array.child("checksum")
        }
    }

    /// The same mistakes, worded by each kind's own error type.
    @Test func eachKindWordsTheSameMistake() {
        let fraction = Data(#"{"id": 1.5}"#.utf8)
        #expect(throws: PrinterProfilesError.wrongType(file: "p.json", field: "id", expected: "a string")) {
            try ProfileFields<PrinterProfilesError>.parse(fraction, file: "p.json").string("id")
        }
        #expect {
            try ProfileFields<KeypadError>.parse(fraction, file: "k.json").string("id")
        } throws: { error in
            (error as? KeypadError)?.message == "k.json: trường “id” phải là một chuỗi."
        }
        #expect(throws: PrinterProfilesError.invalidJSON(file: "p.json", reason: "the top level must be an object { … }")) {
            try ProfileFields<PrinterProfilesError>.parse(Data("[]".utf8), file: "p.json")
        }
        #expect(throws: DisplayProfilesError.notAnObject(file: "d.json")) {
            try Fields.parse(Data("[]".utf8), file: "d.json")
        }
    }

    @Test func idsAreLowercaseASCIILettersDigitsAndDashes() {
        for id in ["a", "epson-tm-t20", "led-4digit"] { #expect(ProfileDirectory.isWellFormedID(id), "\(id)") }
        for id in ["", "A", "a b", "a_b", "đ", "e\u{301}"] { #expect(!ProfileDirectory.isWellFormedID(id), "\(id)") }
    }

    /// A display frame byte that is not one is shown as written.
    @Test func displayBytesShowTheValueAsWritten() throws {
        let header = try Self.fields(#"{"header": [2, 2.5]}"#)
        #expect {
            try header.bytes("header")
        } throws: { error in
            (error as? DisplayProfilesError)?.englishMessage
                == #"f.json: field "header[1]" must be a byte 0…255 or a hex string like "0x1B", got 2.5."#
        }
    }
}
