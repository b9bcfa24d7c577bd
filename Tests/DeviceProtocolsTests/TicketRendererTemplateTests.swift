import DeviceProtocols
import Foundation
import Testing

@Suite struct TicketRendererTemplateTests {
    @Test func theShippedTemplateLoads() throws {
        let layout = try TicketLayout.load(from: TicketFixtures.templateURL)
        #expect(layout.referenceWidth == 576)
        #expect(layout.blocks.contains { $0.kind == .qr })
    }

    @Test func aMissingFileSaysWhichPath() throws {
        let url = URL(fileURLWithPath: "/nowhere/template.json")
        let error = try #require(throws: TicketLayoutError.self) { try TicketLayout.load(from: url) }
        guard case .unreadable(let path, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(path == "/nowhere/template.json")
        #expect(error.description.contains("/nowhere/template.json"))
    }

    @Test func brokenJSONIsReportedWithItsPlace() throws {
        let json =
            #"{"referenceWidth": 576, "minTextSize": 20, "margins": {"top": 0, "side": 8, "bottom": 0}, "blocks": [{"kind": "text", "text": {"text": "x"}}]}"#
        let error = try #require(throws: TicketLayoutError.self) { try TicketLayout.decode(Data(json.utf8)) }
        guard case .invalidJSON(_, let reason) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(reason.contains("size"))
        #expect(reason.contains("blocks[0]"))
    }

    @Test func aBlockWithoutItsFieldsIsRejected() throws {
        let json =
            #"{"referenceWidth": 576, "minTextSize": 20, "margins": {"top": 0, "side": 8, "bottom": 0}, "blocks": [{"kind": "row", "label": {"text": "Giờ", "size": 20}}]}"#
        let error = try #require(throws: TicketLayoutError.self) { try TicketLayout.decode(Data(json.utf8)) }
        guard case .invalidBlock(_, let index, let reason) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(index == 0)
        #expect(reason.contains("value"))
    }

    @Test func anUnknownPlaceholderListsTheKnownOnes() throws {
        let json =
            #"{"referenceWidth": 576, "minTextSize": 20, "margins": {"top": 0, "side": 8, "bottom": 0}, "blocks": [{"kind": "text", "text": {"text": "{quầy}", "size": 20}}]}"#
        let error = try #require(throws: TicketLayoutError.self) { try TicketLayout.decode(Data(json.utf8)) }
        #expect(error == .unknownPlaceholder(path: "template", index: 0, name: "quầy"))
        #expect(error.description.contains("{number}"))
    }

    @Test func anUnknownKindIsRejected() throws {
        let json =
            #"{"referenceWidth": 576, "minTextSize": 20, "margins": {"top": 0, "side": 8, "bottom": 0}, "blocks": [{"kind": "barcode"}]}"#
        #expect(throws: TicketLayoutError.self) { try TicketLayout.decode(Data(json.utf8)) }
    }
}
