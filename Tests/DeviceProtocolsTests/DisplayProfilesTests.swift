import Foundation
import Testing

@testable import DeviceProtocols

@Suite struct DisplayProfilesTests {
    static let repositoryProfiles = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("devices/displays")

    static let stxFrame = """
        { "header": ["0x02"], "address": { "encoding": "byte", "width": 1 }, "payload": { "encoding": "ascii", "content": "label" },
          "trailer": [3], "checksum": { "kind": "xor", "from": "address", "through": "payload" } }
        """

    static func led(frame: String = stxFrame, extra: String = "") -> Data {
        Data(
            """
            { "id": "test-led", "name": "Test LED", "kind": "led-frame", "cells": 4,
              "serial": { "baud": 9600 }, "frame": \(frame) \(extra) }
            """.utf8)
    }

    static func directory(_ files: [String: Data]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("displays-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: url.appendingPathComponent(name)) }
        return url
    }

    /// The error `decode` throws for `data` (and a failed test when it throws none).
    static func error(_ data: Data, file: String = "d.json") -> DisplayProfilesError? {
        do {
            _ = try DisplayProfiles.decode(data, file: file)
            Issue.record("accepted")
            return nil
        } catch {
            return error
        }
    }

    @Test func repositoryProfilesLoad() throws {
        let profiles = try DisplayProfiles.load(directory: Self.repositoryProfiles)
        #expect(profiles.map(\.id) == ["cd5220-2x20", "epson-dmd-2x20", "led-modbus-rtu-4digit", "led-stx-etx-xor"])
        let byID = Dictionary(uniqueKeysWithValues: profiles.map { ($0.id, $0) })
        let dmd = try #require(byID["epson-dmd-2x20"])
        #expect(dmd.kind == .epsonDMD && dmd.columns == 20 && dmd.rows == 2 && dmd.brightness == 4 && dmd.frame == nil)
        #expect(dmd.serial == .standard && dmd.serial.summary == "9600 8N1")
        #expect(byID["cd5220-2x20"]?.kind == .cd5220)
        let modbus = try #require(byID["led-modbus-rtu-4digit"]?.frame)
        #expect(modbus.address == DisplayLEDAddress(encoding: .byte, width: 1, range: 1...247))
        #expect(modbus.command == [0x10, 0x00, 0x80, 0x00, 0x02] && modbus.length == DisplayLEDLength(width: 1))
        #expect(
            modbus.checksum
                == DisplayLEDChecksumField(kind: .crc16Modbus, from: .header, through: .trailer, byteOrder: .little))
        let stx = try #require(byID["led-stx-etx-xor"]?.frame)
        #expect(
            stx.header == [0x02] && stx.trailer == [0x03] && stx.checksum.kind == .xor && stx.payload.encoding == .ascii
        )
        for profile in profiles { _ = try DisplayEncoder(profile: profile) }
    }

    @Test func minimalLEDProfileTakesDefaults() throws {
        let profile = try DisplayProfiles.decode(Self.led(extra: ", \"notes\": \"bench board\""), file: "t.json")
        #expect(profile.serial == .standard)
        #expect(profile.rows == 1 && profile.columns == 4 && profile.notes == "bench board")
        #expect(profile.frame?.address.range == 0...255 && profile.frame?.length == nil && profile.frame?.end == [])
    }

    @Test func corruptFileNamesTheFile() throws {
        let folder = try Self.directory([
            "a-good.json": Self.led(), "b-broken.json": Data("{ \"id\": \"x\", ".utf8),
        ])
        do {
            _ = try DisplayProfiles.load(directory: folder)
            Issue.record("corrupt file accepted")
        } catch {
            #expect(error.code == .invalidJSON)
            #expect(error.file == folder.appendingPathComponent("b-broken.json").path)
            #expect(error.message.hasPrefix("\(error.file): không phải JSON hợp lệ"))
            #expect(error.englishMessage.hasPrefix("\(error.file): not valid JSON"))
        }
    }

    @Test func unknownChecksumKindNamesTheField() throws {
        let frame = Self.stxFrame.replacingOccurrences(of: "\"xor\"", with: "\"md5\"")
        let error = try #require(Self.error(Self.led(frame: frame), file: "led.json"))
        #expect(error.code == .invalidValue && error.field == "frame.checksum.kind")
        #expect(
            error.englishMessage
                == "led.json: field \"frame.checksum.kind\" must be one of \"none\", \"xor\", \"sum8\", \"sum8-complement\", \"crc16-modbus\", \"crc16-ccitt\", got \"md5\"."
        )
        #expect(
            error.message
                == "led.json: trường “frame.checksum.kind” phải là một trong \"none\", \"xor\", \"sum8\", \"sum8-complement\", \"crc16-modbus\", \"crc16-ccitt\", nhận được \"md5\"."
        )
    }

    @Test(arguments: [
        ("\"cells\": 4", "\"cells\": \"4\"", DisplayProfilesError.Code.wrongType, "cells"),
        ("\"cells\": 4", "\"cels\": 4", .unknownField, "cels"),
        ("\"baud\": 9600", "\"baud\": 9601", .invalidValue, "serial.baud"),
        ("\"baud\": 9600", "\"baud\": 9600, \"parity\": \"mark\"", .invalidValue, "serial.parity"),
        ("\"baud\": 9600", "\"baud\": 9600, \"stopBits\": 3", .invalidValue, "serial.stopBits"),
        ("\"header\": [\"0x02\"]", "\"header\": [\"0xZZ\"]", .invalidValue, "frame.header[0]"),
        ("\"header\": [\"0x02\"]", "\"header\": [256]", .invalidValue, "frame.header[0]"),
        ("\"trailer\": [3]", "\"trailer\": 3", .wrongType, "frame.trailer"),
        ("\"width\": 1", "\"width\": 3", .invalidValue, "frame.address.width"),
        ("\"width\": 1", "\"width\": 1, \"max\": 300", .invalidValue, "frame.address.max"),
        ("\"width\": 1", "\"width\": 1, \"min\": 9, \"max\": 3", .invalidValue, "frame.address.min"),
        ("\"content\": \"label\"", "\"content\": \"label\", \"font\": 1", .unknownField, "frame.payload.font"),
        ("\"cells\": 4", "\"cells\": 17", .invalidValue, "cells"),
        ("\"from\": \"address\"", "\"from\": \"trailer\"", .invalidValue, "frame.checksum.from"),
        ("\"kind\": \"led-frame\"", "\"kind\": \"lcd\"", .invalidValue, "kind"),
        ("\"id\": \"test-led\"", "\"id\": \"Test LED\"", .invalidValue, "id"),
        ("\"name\": \"Test LED\", ", "", .missingField, "name"),
    ])
    func badFieldIsNamed(original: String, replacement: String, code: DisplayProfilesError.Code, field: String) throws {
        let text = try #require(String(data: Self.led(), encoding: .utf8))
        #expect(text.contains(original))
        let error = try #require(Self.error(Data(text.replacingOccurrences(of: original, with: replacement).utf8)))
        #expect(error.code == code)
        #expect(error.field == field)
        #expect(error.englishMessage.contains("\"\(field)\""))
        #expect(error.message.contains("“\(field)”"))
    }

    @Test func bcdNeedsAnEvenNumberOfCells() throws {
        let bcd = Self.stxFrame.replacingOccurrences(of: "\"ascii\"", with: "\"bcd\"")
        #expect(try DisplayProfiles.decode(Self.led(frame: bcd), file: "b.json").frame?.payload.encoding == .bcd)
        let text = try #require(String(data: Self.led(frame: bcd), encoding: .utf8))
        let odd = Self.error(Data(text.replacingOccurrences(of: "\"cells\": 4", with: "\"cells\": 3").utf8))
        #expect(odd?.field == "cells" && odd?.englishMessage.contains("even") == true)
    }

    @Test func characterDisplayLimits() throws {
        let base = """
            { "id": "cd", "name": "CD", "kind": "cd5220", "columns": 20, "rows": 2, "serial": { "baud": 9600 } }
            """
        #expect(try DisplayProfiles.decode(Data(base.utf8), file: "c.json").brightness == 4)
        let wide = base.replacingOccurrences(of: "\"columns\": 20", with: "\"columns\": 40")
        #expect(Self.error(Data(wide.utf8))?.field == "columns")
        let frame = base.replacingOccurrences(of: "\"rows\": 2", with: "\"rows\": 2, \"frame\": {}")
        #expect(Self.error(Data(frame.utf8))?.code == .unknownField)
        let dmd = wide.replacingOccurrences(of: "cd5220", with: "epson-dm-d")
        #expect(try DisplayProfiles.decode(Data(dmd.utf8), file: "d.json").columns == 40)
    }

    @Test func duplicateIDIsRefused() throws {
        let folder = try Self.directory(["a.json": Self.led(), "b.json": Self.led()])
        #expect(throws: DisplayProfilesError.self) { try DisplayProfiles.load(directory: folder) }
        do {
            _ = try DisplayProfiles.load(directory: folder)
        } catch {
            #expect(
                error.code == .duplicateID && error.file.hasSuffix("b.json") && error.englishMessage.contains("a.json"))
        }
    }

    @Test func missingDirectory() {
        do {
            _ = try DisplayProfiles.load(directory: URL(fileURLWithPath: "/nonexistent/displays"))
            Issue.record("accepted")
        } catch {
            #expect(error.code == .directoryUnreadable && error.message.contains("/nonexistent/displays"))
        }
    }
}
