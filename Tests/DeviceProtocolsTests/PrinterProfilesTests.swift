import Foundation
import KioskTesting
import Testing

@testable import DeviceProtocols

@Suite struct PrinterProfilesTests {
    static let repositoryProfiles = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("devices/printers")

    static let validJSON: [String: String] = [
        "id": "\"test-58\"", "name": "\"Test 58\"", "vendorID": "\"0416\"", "productID": "\"5011\"",
        "paperWidthDots": "384", "cut": "\"full\"", "nativeQR": "false", "vietnameseCodePage": "false",
        "statusSupported": "true", "maxStripHeight": "256", "lineSpacing": "30",
    ]

    /// A profile file with `changes` applied to a valid one (nil removes the field).
    static func json(_ changes: [String: String?] = [:]) -> Data {
        var fields = validJSON
        for (key, value) in changes { fields[key] = value }
        let body = fields.keys.sorted().compactMap { key in fields[key].map { "  \"\(key)\": \($0)" } }
        return Data(("{\n" + body.joined(separator: ",\n") + "\n}\n").utf8)
    }

    /// A fresh directory holding `files`.
    static func directory(_ files: [String: Data]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test func repositoryProfilesLoad() throws {
        let profiles = try PrinterProfiles.load(directory: Self.repositoryProfiles)
        let byID = Dictionary(uniqueKeysWithValues: profiles.map { ($0.id, $0) })
        let generic = try #require(byID["generic-58mm"])
        #expect(generic.vendorID == "0416" && generic.productID == "5011" && generic.paperWidthDots == 384)
        #expect(!generic.nativeQR)
        let xprinter = try #require(byID["xprinter-80mm"])
        #expect(xprinter.paperWidthDots == 576)
        let epson = try #require(byID["epson-tm-t20"])
        #expect(epson.vendorID == "04b8" && epson.paperWidthDots == 576 && epson.nativeQR && epson.statusSupported)
        #expect(profiles.map(\.id) == profiles.map(\.id).sorted())
    }

    @Test func lookupByUSBID() throws {
        let profiles = try PrinterProfiles.load(directory: Self.repositoryProfiles)
        #expect(PrinterProfiles.profile(vendorID: 0x0416, productID: 0x5011, in: profiles)?.id == "generic-58mm")
        #expect(PrinterProfiles.profile(vendorID: 0x04B8, productID: 0x0E15, in: profiles)?.id == "epson-tm-t20ii")
        #expect(PrinterProfiles.profile(vendorID: 0x1234, productID: 0x5678, in: profiles) == nil)
    }

    @Test func usbIDParsing() {
        #expect(PrinterProfiles.usbID("0416") == 0x0416)
        #expect(PrinterProfiles.usbID("ffff") == 0xFFFF)
        for bad in ["416", "04160", "04B8", "0x41", "04g8", "", " 416"] { #expect(PrinterProfiles.usbID(bad) == nil) }
    }

    /// The loader's list of known fields must stay the profile's own JSON keys.
    @Test func knownFieldsAreTheProfileKeys() throws {
        let encoded = try JSONEncoder().encode(PrinterProfile.escPosTest())
        let keys = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any]).keys
        #expect(Set(keys) == PrinterProfiles.knownFields)
        let cuts: [PrinterProfile.Cut] = [.full, .partial, .feedFull, .feedPartial, .none]
        #expect(cuts.map(\.rawValue) == PrinterProfiles.cutNames)
    }

    @Test func validFileDecodes() throws {
        let profile = try PrinterProfiles.decode(Self.json(["notes": "\"from lsusb\""]), file: "t.json")
        #expect(profile == PrinterProfile.escPosTest(cut: .full).withID("test-58", name: "Test 58"))
    }

    @Test(
        arguments: [
            (["cut": String?.none], "p.json: missing field \"cut\""),
            (
                ["vendorID": "\"04G8\""],
                "p.json: field \"vendorID\" must be 4 lowercase hex digits as lsusb prints them (e.g. \"0416\"), got \"04G8\""
            ),
            (
                ["productID": "\"0E15\""],
                "p.json: field \"productID\" must be 4 lowercase hex digits as lsusb prints them (e.g. \"0416\"), got \"0E15\""
            ),
            (
                ["productID": "\"501\""],
                "p.json: field \"productID\" must be 4 lowercase hex digits as lsusb prints them (e.g. \"0416\"), got \"501\""
            ),
            (
                ["paperWidthDots": "380"],
                "p.json: field \"paperWidthDots\" must be a multiple of 8 from 8 to 832 (384 for 58 mm, 576 for 80 mm), got 380"
            ),
            (
                ["paperWidthDots": "840"],
                "p.json: field \"paperWidthDots\" must be a multiple of 8 from 8 to 832 (384 for 58 mm, 576 for 80 mm), got 840"
            ),
            (
                ["maxStripHeight": "0"],
                "p.json: field \"maxStripHeight\" must be 1…2303 rows (256 is safe for most printers), got 0"
            ),
            (
                ["maxStripHeight": "2304"],
                "p.json: field \"maxStripHeight\" must be 1…2303 rows (256 is safe for most printers), got 2304"
            ),
            (["lineSpacing": "256"], "p.json: field \"lineSpacing\" must be 0…255 dots, got 256"),
            (["paperWidthDots": "\"384\""], "p.json: field \"paperWidthDots\" must be a whole number"),
            (["nativeQR": "\"yes\""], "p.json: field \"nativeQR\" must be true or false"),
            (["vendorID": "null"], "p.json: field \"vendorID\" must be a string"),
            (
                ["cut": "\"guillotine\""],
                "p.json: field \"cut\" must be one of \"full\", \"partial\", \"feed-full\", \"feed-partial\", \"none\", got \"guillotine\""
            ),
            (
                ["nativeQr": "true"],
                "p.json: unknown field \"nativeQr\" (check its spelling; free text goes in \"notes\")"
            ),
            (["id": "\"Test 58\""], "p.json: field \"id\" must be lowercase letters, digits and -, got \"Test 58\""),
            (["name": "\"  \""], "p.json: field \"name\" must not be empty, got \"  \""),
            (["paperWidthDots": "384.5"], "p.json: field \"paperWidthDots\" must be a whole number"),
        ] as [([String: String?], String)])
    func badFieldsAreNamed(changes: [String: String?], message: String) {
        #expect {
            try PrinterProfiles.decode(Self.json(changes), file: "p.json")
        } throws: { error in
            (error as? PrinterProfilesError)?.description == message
        }
    }

    @Test func notJSONOrNotAnObject() {
        #expect {
            try PrinterProfiles.decode(Data("{ \"id\": ".utf8), file: "p.json")
        } throws: { error in
            (error as? PrinterProfilesError)?.description.hasPrefix("p.json: not valid JSON: ") == true
        }
        #expect {
            try PrinterProfiles.decode(Data("[1, 2]".utf8), file: "p.json")
        } throws: { error in
            (error as? PrinterProfilesError)?.description
                == "p.json: not valid JSON: the top level must be an object { … }"
        }
    }

    @Test func loadErrorsNameTheFile() throws {
        let directory = try Self.directory(["a.json": Self.json(), "b.json": Self.json(["maxStripHeight": "9999"])])
        let b = directory.appendingPathComponent("b.json").path
        #expect(
            throws: PrinterProfilesError.invalidValue(
                file: b, field: "maxStripHeight", value: "9999",
                rule: "must be 1…2303 rows (256 is safe for most printers)")
        ) { try PrinterProfiles.load(directory: directory) }
        #expect(
            PrinterProfilesError.invalidValue(
                file: b, field: "maxStripHeight", value: "9999", rule: "must be 1…2303 rows"
            )
            .description == "\(b): field \"maxStripHeight\" must be 1…2303 rows, got 9999")
    }

    @Test func duplicatesAreRefused() throws {
        let sameUSB = try Self.directory(["a.json": Self.json(), "b.json": Self.json(["id": "\"other\""])])
        let a = sameUSB.appendingPathComponent("a.json").path
        let b = sameUSB.appendingPathComponent("b.json").path
        #expect(throws: PrinterProfilesError.duplicateUSBID(usbID: "0416:5011", file: b, otherFile: a)) {
            try PrinterProfiles.load(directory: sameUSB)
        }
        #expect(
            PrinterProfilesError.duplicateUSBID(usbID: "0416:5011", file: b, otherFile: a).description
                == "\(b): USB id 0416:5011 is already claimed by \(a)")
        let sameID = try Self.directory(["a.json": Self.json(), "b.json": Self.json(["productID": "\"5012\""])])
        #expect(
            throws: PrinterProfilesError.duplicateID(
                id: "test-58", file: sameID.appendingPathComponent("b.json").path,
                otherFile: sameID.appendingPathComponent("a.json").path)
        ) { try PrinterProfiles.load(directory: sameID) }
    }

    @Test func onlyJSONFilesAreRead() throws {
        let directory = try Self.directory(["a.json": Self.json(), "README.md": Data("# notes".utf8)])
        #expect(try PrinterProfiles.load(directory: directory).map(\.id) == ["test-58"])
        #expect(try PrinterProfiles.load(directory: Self.directory([:])).isEmpty)
    }

    @Test func missingDirectory() {
        let path = "/nonexistent/khongcho/printers"
        #expect {
            try PrinterProfiles.load(directory: URL(fileURLWithPath: path))
        } throws: { error in
            (error as? PrinterProfilesError)?.description.hasPrefix("cannot list printer profiles in \(path): ") == true
        }
    }
}

extension PrinterProfile {
    fileprivate func withID(_ id: String, name: String) -> PrinterProfile {
        var copy = self
        copy.id = id
        copy.name = name
        return copy
    }
}
