import DeviceProtocols
import Foundation
import Testing

@Suite struct TextRasterizerTests {
    typealias Style = TextRasterizer.Style
    let rasterizer: TextRasterizer

    init() throws { rasterizer = try TextRasterizer() }

    static let vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    /// No tone, sắc, huyền, hỏi, ngã, nặng — as combining marks, composed by NFC.
    static let tones = ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"]

    /// The text drawn alone into a bitmap exactly its size.
    func image(_ text: String, _ style: Style) -> Bitmap {
        let run = rasterizer.layout(text, style: style)
        var bitmap = Bitmap(width: max(1, run.width), height: run.ascent + run.descent)
        run.draw(into: &bitmap, x: 0, baseline: run.ascent)
        return bitmap
    }

    @Test(arguments: [20, 24, 180], [TextRasterizer.Weight.regular, .bold])
    func everyToneOfEveryVowelHasItsOwnPixels(size: Int, weight: TextRasterizer.Weight) {
        let style = Style(size: size, weight: weight)
        for vowel in Self.vowels + Self.vowels.map({ $0.uppercased() }) {
            let images = Self.tones.map { image(vowel + $0, style) }
            for i in images.indices {
                #expect(images[i].blackPixelCount > 0)
                for j in images.indices where j > i {
                    #expect(images[i] != images[j], "\(vowel) tones \(i) and \(j) look the same at \(size) \(weight)")
                }
            }
        }
    }

    @Test func aWithHookDiffersFromAAndAAcute() {
        for style in [Style(size: 22), Style(size: 200, weight: .bold)] {
            let plain = image("A", style)
            let acute = image("Á", style)
            let hook = image("Ả", style)
            #expect(hook != plain)
            #expect(hook != acute)
            #expect(acute != plain)
        }
    }

    @Test(arguments: [20, 24, 160])
    func decomposedInputPrintsExactlyLikePrecomposed(size: Int) {
        let nfd = TicketFixtures.pangram.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.unicodeScalars) != Array(TicketFixtures.pangram.unicodeScalars))
        for weight in [TextRasterizer.Weight.regular, .bold] {
            let style = Style(size: size, weight: weight)
            #expect(image(nfd, style) == image(TicketFixtures.pangram, style))
        }
    }

    @Test(arguments: ["Đất đai", "Người cao tuổi", "jQuery ưu tiên", "A012", "Ỹ ỵ"], [20, 24, 150])
    func measuredWidthIsTheDrawnExtent(text: String, size: Int) throws {
        for weight in [TextRasterizer.Weight.regular, .bold] {
            let style = Style(size: size, weight: weight)
            let run = rasterizer.layout(text, style: style)
            #expect(rasterizer.width(of: text, style: style) == run.width)
            var bitmap = Bitmap(width: run.width + 40, height: run.ascent + run.descent + 20)
            run.draw(into: &bitmap, x: 20, baseline: run.ascent + 10)
            let ink = try #require(TicketFixtures.ink(bitmap))
            #expect(ink.minX >= 20 && ink.maxX <= 20 + run.width, "ink \(ink) outside 20..<\(20 + run.width)")
            // Only side bearings may stay blank at the ends.
            #expect(ink.minX - 20 <= size / 8 + 1)
            #expect(20 + run.width - ink.maxX <= size / 8 + 1)
            #expect(ink.minY >= 10 && ink.maxY <= 10 + run.ascent + run.descent)
            let bounds = try #require(run.inkBounds)
            #expect(bounds.minX + 20 <= ink.minX && bounds.maxX + 20 >= ink.maxX)
        }
    }

    /// At receipt sizes the marks must not merge into the letter: "ệ" is three blobs (circumflex, e, dot).
    /// Stacked marks on one side may touch each other ("ễ" at 20 dots), which DejaVu's own hinting does;
    /// so may the dot of a bold "ỵ" at 20–22 dots, which sits diagonally against the tail.
    @Test(arguments: [20, 22, 24], [TextRasterizer.Weight.regular, .bold])
    func smallMarksStaySeparateFromTheirLetters(size: Int, weight: TextRasterizer.Weight) {
        let style = Style(size: size, weight: weight)
        for letter in ["ệ", "ặ", "ậ", "ộ", "Ặ"] {
            #expect(TicketFixtures.components(image(letter, style)) >= 3, "\(letter) at \(size) \(weight)")
        }
        var single = ["á", "à", "ả", "ã", "ạ", "ờ", "ợ", "ự", "ẻ", "Ạ", "Ự", "Ở", "ỗ", "ễ", "Ẫ", "Ố", "ỵ"]
        if weight == .bold && size < 24 { single.removeAll { $0 == "ỵ" } }
        for letter in single {
            #expect(TicketFixtures.components(image(letter, style)) >= 2, "\(letter) at \(size) \(weight)")
        }
    }

    /// Sequences NFC cannot compose are still drawn: the base, then each mark above (or below) it.
    @Test func uncomposableMarksAreStackedOnTheirBase() throws {
        let style = Style(size: 48)
        for (base, marked) in [("x", "x\u{303}"), ("Ư", "Ư\u{306}"), ("q", "q\u{323}\u{302}")] {
            #expect(marked.precomposedStringWithCanonicalMapping.unicodeScalars.count > 1)
            let plain = rasterizer.layout(base, style: style)
            let withMarks = rasterizer.layout(marked, style: style)
            let plainInk = try #require(plain.inkBounds)
            let markInk = try #require(withMarks.inkBounds)
            #expect(withMarks.advance == plain.advance)
            #expect(markInk.minY < plainInk.minY, "\(marked): mark above \(base)")
            #expect(image(marked, style).blackPixelCount > image(base, style).blackPixelCount)
            // Centred over the letter, not hanging off to the side.
            #expect(markInk.minX >= plainInk.minX - 4 && markInk.maxX <= plainInk.maxX + 4)
        }
        let dotted = try #require(rasterizer.layout("q\u{323}\u{302}", style: style).inkBounds)
        let q = try #require(rasterizer.layout("q", style: style).inkBounds)
        #expect(dotted.maxY > q.maxY, "dot below the descender of q")
    }

    @Test func largeTextHasLargeGlyphs() throws {
        let run = rasterizer.layout("A012", style: Style(size: 210, weight: .bold, widthScale: 0.86))
        let ink = try #require(run.inkBounds)
        #expect(ink.height >= 150)
        #expect(run.width < 544)
    }
}
