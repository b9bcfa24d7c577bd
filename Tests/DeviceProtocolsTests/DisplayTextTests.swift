import Testing

@testable import DeviceProtocols

@Suite struct DisplayTextTests {
    @Test(arguments: [
        ("Quầy 3", "Quay 3"), ("Mời số A012", "Moi so A012"), ("Tạm dừng", "Tam dung"),
        ("Cảm ơn quý khách", "Cam on quy khach"), ("Đà Nẵng đường", "Da Nang duong"),
        ("Ưu tiên người già", "Uu tien nguoi gia"), ("Quầy 3 — A012", "Quay 3 ? A012"), ("日本", "??"),
        ("tab\there", "tab?here"), ("e\u{301}", "e"), ("A012", "A012"),
    ])
    func transliteratesToPrintableASCII(input: String, expected: String) {
        #expect(DisplayTransliteration.ascii(input) == expected)
        #expect(DisplayTransliteration.bytes(input).allSatisfy { (0x20...0x7E).contains($0) })
    }

    @Test func callingCounterShowsNumberOnBothLines() {
        let lines = DisplayTextLayout.lines(for: CounterDisplayState(counter: 3, label: "A012"), columns: 20, rows: 2)
        #expect(lines == ["Quay 3          A012", "Moi so A012         "])
    }

    @Test func pausedCounterShowsTamDungAndNoLabel() {
        let state = CounterDisplayState(counter: 12, label: "B105", paused: true)
        #expect(
            DisplayTextLayout.lines(for: state, columns: 20, rows: 2) == [
                "Quay 12             ", "Tam dung            ",
            ])
    }

    @Test func messageReplacesSecondLineEvenWhenPaused() {
        let serving = CounterDisplayState(counter: 3, label: "A012", message: "Cảm ơn quý khách")
        #expect(
            DisplayTextLayout.lines(for: serving, columns: 20, rows: 2) == [
                "Quay 3          A012", "Cam on quy khach    ",
            ])
        let paused = CounterDisplayState(counter: 3, paused: true, message: "Cảm ơn quý khách")
        #expect(DisplayTextLayout.lines(for: paused, columns: 20, rows: 2)[1] == "Cam on quy khach    ")
    }

    @Test func idleCounterAndNarrowAndTallDisplays() {
        #expect(
            DisplayTextLayout.lines(for: CounterDisplayState(counter: 1), columns: 20, rows: 2) == [
                "Quay 1              ", String(repeating: " ", count: 20),
            ])
        // 10 columns: "Quay 3" + space + "A012" is 11 > 10, so the label alone is shown.
        #expect(
            DisplayTextLayout.lines(for: CounterDisplayState(counter: 3, label: "A012"), columns: 10, rows: 1) == [
                "A012      "
            ])
        #expect(
            DisplayTextLayout.lines(for: CounterDisplayState(counter: 3, label: "A012"), columns: 11, rows: 4) == [
                "Quay 3 A012", "Moi so A012", "           ", "           ",
            ])
        let long = CounterDisplayState(counter: 3, message: "Cảm ơn quý khách đã đánh giá")
        #expect(DisplayTextLayout.lines(for: long, columns: 20, rows: 2)[1] == "Cam on quy khach da ")
    }

    @Test func testPatternFillsEveryCell() {
        #expect(
            DisplayTextLayout.testPattern(columns: 20, rows: 2) == ["01234567890123456789", "ABCDEFGHIJKLMNOPQRST"])
    }
}
