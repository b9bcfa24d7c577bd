import Foundation
import Testing

@testable import DeviceProtocols

@Suite struct KeypadProfilesTests {
    static let repositoryProfiles = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("devices/keypads")

    static let validRating = """
        { "id": "r4", "name": "Bốn phím", "kind": "rating", "mode": "single-key",
          "keys": { "0x1E": 1, "0x1f": 2, "0x5B": 3, "0x5C": 4 }, "debounceSeconds": 1.5, "notes": "test" }
        """

    static func decode(_ text: String) throws(KeypadError) -> KeypadProfile {
        try KeypadProfiles.decode(Data(text.utf8), file: "k.json")
    }

    /// The error `text` is refused with.
    static func refusal(_ text: String) -> KeypadError? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return error
        }
    }

    static func directory(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("keypads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test func repositoryProfilesLoad() throws {
        let profiles = try KeypadProfiles.load(directory: Self.repositoryProfiles)
        #expect(profiles.map(\.id) == ["caller-6key", "rating-4key", "rating-sequence-enter"])
        let byID = Dictionary(uniqueKeysWithValues: profiles.map { ($0.id, $0) })

        let rating = try #require(byID["rating-4key"])
        #expect(rating.kind == .rating && rating.mode == .singleKey && rating.match == .bootKeyboard)
        #expect(rating.debounceSeconds == 2.0)
        let expected: [UInt8: KeypadAction] = [
            0x1E: .rating(.veryPleased), 0x1F: .rating(.pleased), 0x20: .rating(.neutral), 0x21: .rating(.displeased),
            0x59: .rating(.veryPleased), 0x5A: .rating(.pleased), 0x5B: .rating(.neutral), 0x5C: .rating(.displeased),
        ]
        #expect(rating.keys == expected)

        let sequence = try #require(byID["rating-sequence-enter"])
        #expect(sequence.mode == .sequenceEnter)
        #expect(sequence.match == .vendorProduct(vendorID: 0x13BA, productID: 0x0001))
        #expect(
            sequence.sequences == [
                "1": .rating(.veryPleased), "2": .rating(.pleased), "3": .rating(.neutral), "4": .rating(.displeased),
            ])
        #expect(sequence.keys.isEmpty)
        #expect(sequence.sequenceTimeoutSeconds == 5.0)

        let caller = try #require(byID["caller-6key"])
        #expect(caller.kind == .caller)
        #expect(caller.match == .vendorProduct(vendorID: 0x05A4, productID: 0x9837))
        #expect(caller.match.description == "05a4:9837")
        #expect(caller.debounceSeconds == 1.0)
        #expect(
            caller.keys == [
                0x59: .caller(.next), 0x5A: .caller(.recall), 0x5B: .caller(.serve), 0x5C: .caller(.done),
                0x5D: .caller(.noShow), 0x5E: .caller(.transfer(fieldCode: "ho-tich")),
            ])
    }

    @Test func goodProfileDecodes() throws {
        let profile = try Self.decode(Self.validRating)
        #expect(profile.id == "r4" && profile.name == "Bốn phím")
        #expect(profile.keys[0x1F] == .rating(.pleased))
        #expect(profile.debounceSeconds == 1.5)
        #expect(profile.sequenceTimeoutSeconds == KeypadProfile.defaultSequenceTimeoutSeconds)
        let defaults = try Self.decode(
            #"{"id":"a","name":"A","kind":"caller","mode":"single-key","keys":{"0x28":"next"}}"#)
        #expect(defaults.debounceSeconds == 2.0)
        #expect(defaults.keys == [0x28: .caller(.next)])
    }

    @Test func corruptJSONNamesTheFile() throws {
        let error = try #require(Self.refusal(#"{ "id": "x", "#))
        #expect(error.code == .invalidJSON)
        #expect(error.file == "k.json")
        #expect(error.field == nil)
        #expect(error.message.hasPrefix("k.json: không phải JSON hợp lệ"))
        #expect(error.englishMessage.hasPrefix("k.json: not valid JSON"))
        #expect(Self.refusal("[1, 2]")?.code == .invalidJSON)
    }

    @Test func unknownRatingMeaning() throws {
        let error = try #require(
            Self.refusal(Self.validRating.replacingOccurrences(of: "\"0x5C\": 4", with: "\"0x5C\": 5")))
        #expect(error.code == .invalidValue)
        #expect(error.field == "keys.0x5C")
        #expect(
            error.message
                == "k.json: trường “keys.0x5C” phải là mức đánh giá 1–4 (1 = Rất hài lòng, 2 = Hài lòng, 3 = Bình thường, 4 = Không hài lòng), nhận được 5."
        )
        #expect(
            error.englishMessage
                == "k.json: field \"keys.0x5C\" must be a rating level 1–4 (1 = very satisfied … 4 = not satisfied), got 5."
        )
        // A rating given as a caller word is refused too.
        let word = try #require(
            Self.refusal(Self.validRating.replacingOccurrences(of: "\"0x5C\": 4", with: "\"0x5C\": \"next\"")))
        #expect(word.field == "keys.0x5C" && word.code == .invalidValue)
    }

    @Test func unknownCallerMeaning() throws {
        let text = #"{"id":"c","name":"C","kind":"caller","mode":"single-key","keys":{"0x59":"next","0x5A":"skip"}}"#
        let error = try #require(Self.refusal(text))
        #expect(error.code == .invalidValue && error.field == "keys.0x5A")
        #expect(
            error.englishMessage
                == "k.json: field \"keys.0x5A\" must be next, recall, serve, done, no-show or transfer:<field code>, got \"skip\"."
        )
        let empty = try #require(Self.refusal(text.replacingOccurrences(of: "\"skip\"", with: "\"transfer:\"")))
        #expect(empty.field == "keys.0x5A")
    }

    @Test func badUsageKey() throws {
        for key in ["1E", "0x1", "0x01", "0xE0", "0xZZ"] {
            let text = Self.validRating.replacingOccurrences(of: "\"0x1E\"", with: "\"\(key)\"")
            let error = try #require(Self.refusal(text), "key \(key)")
            #expect(error.code == .invalidValue && error.field == "keys.\(key)", "key \(key)")
        }
    }

    @Test func fieldErrorsNameTheField() throws {
        let missing = try #require(
            Self.refusal(Self.validRating.replacingOccurrences(of: #""kind": "rating","#, with: "")))
        #expect(missing.code == .missingField && missing.field == "kind")
        #expect(missing.message == "k.json: thiếu trường “kind”.")
        #expect(missing.englishMessage == "k.json: missing field \"kind\".")

        let unknown = try #require(
            Self.refusal(Self.validRating.replacingOccurrences(of: "\"notes\"", with: "\"note\"")))
        #expect(unknown.code == .unknownField && unknown.field == "note")

        let kind = try #require(
            Self.refusal(Self.validRating.replacingOccurrences(of: "\"rating\"", with: "\"survey\"")))
        #expect(kind.code == .invalidValue && kind.field == "kind")
        #expect(kind.englishMessage == "k.json: field \"kind\" must be one of \"rating\", \"caller\", got \"survey\".")

        let mode = try #require(Self.refusal(Self.validRating.replacingOccurrences(of: "single-key", with: "single")))
        #expect(mode.field == "mode")

        let type = try #require(Self.refusal(Self.validRating.replacingOccurrences(of: "1.5", with: "\"1.5\"")))
        #expect(type.code == .wrongType && type.field == "debounceSeconds")

        let range = try #require(Self.refusal(Self.validRating.replacingOccurrences(of: "1.5", with: "-1")))
        #expect(range.code == .invalidValue && range.field == "debounceSeconds")

        let id = try #require(Self.refusal(Self.validRating.replacingOccurrences(of: "\"r4\"", with: "\"R 4\"")))
        #expect(id.field == "id")
    }

    @Test func usbIDs() throws {
        let base = Self.validRating.replacingOccurrences(
            of: #""kind""#, with: #""vendorID": "05a4", "productID": "9837", "kind""#)
        #expect(try Self.decode(base).match == .vendorProduct(vendorID: 0x05A4, productID: 0x9837))
        let half = try #require(Self.refusal(base.replacingOccurrences(of: #""productID": "9837","#, with: "")))
        #expect(half.code == .missingField && half.field == "productID")
        let upper = try #require(Self.refusal(base.replacingOccurrences(of: "05a4", with: "05A4")))
        #expect(upper.code == .invalidValue && upper.field == "vendorID")
    }

    @Test func modeFields() throws {
        let sequence = #"{"id":"s","name":"S","kind":"rating","mode":"sequence-enter","sequences":{"1":1,"22":2}}"#
        #expect(try Self.decode(sequence).sequences == ["1": .rating(.veryPleased), "22": .rating(.pleased)])
        let letters = try #require(Self.refusal(sequence.replacingOccurrences(of: "\"22\"", with: "\"2a\"")))
        #expect(letters.field == "sequences.2a" && letters.code == .invalidValue)
        let mixed = try #require(
            Self.refusal(sequence.replacingOccurrences(of: "}}", with: "},\"keys\":{\"0x1E\":1}}")))
        #expect(mixed.field == "keys")
        let noKeys = try #require(Self.refusal(#"{"id":"k","name":"K","kind":"rating","mode":"single-key"}"#))
        #expect(noKeys.code == .missingField && noKeys.field == "keys")
        let emptyKeys = try #require(
            Self.refusal(#"{"id":"k","name":"K","kind":"rating","mode":"single-key","keys":{}}"#))
        #expect(emptyKeys.code == .invalidValue && emptyKeys.field == "keys")
    }

    @Test func directoryLoadChecksEveryFileAndDuplicates() throws {
        let good = try Self.directory(["b.json": Self.validRating, "readme.txt": "not a profile"])
        #expect(try KeypadProfiles.load(directory: good).map(\.id) == ["r4"])

        let duplicate = try Self.directory(["a.json": Self.validRating, "b.json": Self.validRating])
        #expect {
            try KeypadProfiles.load(directory: duplicate)
        } throws: { error in
            let error = error as? KeypadError
            return error?.code == .duplicateID && error?.file.hasSuffix("/b.json") == true && error?.field == "id"
        }

        let corrupt = try Self.directory(["a.json": Self.validRating, "c.json": "{"])
        #expect {
            try KeypadProfiles.load(directory: corrupt)
        } throws: { error in
            let error = error as? KeypadError
            return error?.code == .invalidJSON && error?.file.hasSuffix("/c.json") == true
        }

        let missingDirectory = URL(fileURLWithPath: "/nonexistent/keypads-\(UUID().uuidString)")
        #expect(throws: KeypadError.self) { try KeypadProfiles.load(directory: missingDirectory) }
    }

    @Test func callerCommandSpelling() {
        for command in [CallerCommand.next, .recall, .serve, .done, .noShow, .transfer(fieldCode: "DD-1")] {
            #expect(CallerCommand(profileValue: command.profileValue) == command)
        }
        #expect(CallerCommand(profileValue: "no_show") == nil)
        #expect(CallerCommand(profileValue: "transfer:H T") == nil)
    }
}
