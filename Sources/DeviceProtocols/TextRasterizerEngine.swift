import CFreeType
import Foundation

/// Owns the FreeType library, the faces and the glyph cache. It lives inside the rasterizer's mutex because
/// FreeType objects must never be used from two threads at once; being non-copyable, it frees them exactly once.
/// A class so a lock box can hold it; unchecked Sendable because `TextRasterizer` only touches it under its lock.
final class TextRasterizerEngine: @unchecked Sendable {
    private struct GlyphKey: Hashable {
        var scalar: UInt32
        var size: Int
        var pixelWidth: Int
        var weight: TextRasterizer.Weight
    }

    /// Beyond this many cached glyphs the cache starts over, so odd sizes from shrink-to-fit cannot grow it forever.
    private static let cacheLimit = 6000

    private let library: FT_Library
    private let regular: FT_Face
    private let bold: FT_Face?
    private let hasKerning: Bool
    private var glyphs: [GlyphKey: TextRasterizer.Glyph] = [:]

    init(fonts: FontLocator.Fonts) throws(TextRasterizerError) {
        var library: FT_Library?
        let code = FT_Init_FreeType(&library)
        guard code == 0, let library else { throw .freeTypeUnavailable(code: code) }
        do throws(TextRasterizerError) {
            let regular = try Self.openFace(fonts.regular, library: library)
            var bold: FT_Face?
            do throws(TextRasterizerError) {
                bold = try fonts.bold.map { url throws(TextRasterizerError) in try Self.openFace(url, library: library) }
                try Self.checkVietnamese(regular, path: fonts.regular.path)
                if let bold, let url = fonts.bold { try Self.checkVietnamese(bold, path: url.path) }
            } catch {
                if let bold { FT_Done_Face(bold) }
                FT_Done_Face(regular)
                throw error
            }
            self.library = library
            self.regular = regular
            self.bold = bold
            hasKerning = regular.pointee.face_flags & FT_Long(FT_FACE_FLAG_KERNING) != 0
        } catch {
            FT_Done_FreeType(library)
            throw error
        }
    }

    deinit {
        if let bold { FT_Done_Face(bold) }
        FT_Done_Face(regular)
        FT_Done_FreeType(library)
    }

    private static func openFace(_ url: URL, library: FT_Library) throws(TextRasterizerError) -> FT_Face {
        var face: FT_Face?
        let code = FT_New_Face(library, url.path, 0, &face)
        guard code == 0, let face else { throw .unreadableFont(path: url.path, code: code) }
        return face
    }

    /// Every letter Vietnamese needs: the base letters with their own shapes and the whole
    /// Latin Extended Additional block of vowels with tones (U+1EA0–U+1EF9).
    private static let vietnameseProbe: [Unicode.Scalar] =
        Array("ĂăÂâĐđÊêÔôƠơƯưÀÁÃÈÉÌÍÒÓÕÙÚÝàáãèéìíòóõùúýĨĩŨũ".unicodeScalars)
        + (0x1EA0...0x1EF9).compactMap(Unicode.Scalar.init)

    private static func checkVietnamese(_ face: FT_Face, path: String) throws(TextRasterizerError) {
        let missing = vietnameseProbe.filter { FT_Get_Char_Index(face, FT_ULong($0.value)) == 0 }
        guard missing.isEmpty else {
            throw .fontLacksVietnamese(path: path, missing: String(String.UnicodeScalarView(missing.prefix(12))))
        }
    }

    /// The font's ascender and descender in dots at this style.
    func lineMetrics(_ style: TextRasterizer.Style) -> (ascender: Int, descender: Int) {
        let face = select(style.weight, style: style)
        let metrics = face.pointee.size.pointee.metrics
        return (Self.roundedPixels(metrics.ascender), Self.roundedPixels(-metrics.descender))
    }

    /// Kerning between two neighbouring glyphs in 1/64 dot (0 across faces or without a kerning table).
    func kerning(_ left: TextRasterizer.Glyph, _ right: TextRasterizer.Glyph, style: TextRasterizer.Style) -> Int {
        guard hasKerning, left.face == right.face, left.index != 0, right.index != 0 else { return 0 }
        let face = select(left.face, style: style)
        var delta = FT_Vector()
        guard FT_Get_Kerning(face, left.index, right.index, FT_KERNING_DEFAULT.rawValue, &delta) == 0 else { return 0 }
        return Int(delta.x)
    }

    /// The glyph for one scalar, rendered once and then served from the cache.
    func glyph(_ scalar: Unicode.Scalar, style: TextRasterizer.Style) -> TextRasterizer.Glyph {
        let key = GlyphKey(scalar: scalar.value, size: style.size, pixelWidth: style.pixelWidth, weight: style.weight)
        if let cached = glyphs[key] { return cached }
        if glyphs.count >= Self.cacheLimit { glyphs.removeAll(keepingCapacity: true) }
        let rendered = render(scalar, style: style)
        glyphs[key] = rendered
        return rendered
    }

    private func render(_ scalar: Unicode.Scalar, style: TextRasterizer.Style) -> TextRasterizer.Glyph {
        let code = FT_ULong(scalar.value)
        // Bold comes from the bold face when there is one and it has the letter; otherwise the regular
        // glyph is thickened, so bold text never silently turns regular.
        var faceWeight = TextRasterizer.Weight.regular
        if style.weight == .bold, let bold, FT_Get_Char_Index(bold, code) != 0 { faceWeight = .bold }
        let face = select(faceWeight, style: style)
        let index = FT_Get_Char_Index(face, code)
        var glyph = TextRasterizer.Glyph(image: nil, left: 0, top: 0, advance: 0, index: index, face: faceWeight)
        guard FT_Load_Glyph(face, index, Self.loadFlags) == 0, let slot = face.pointee.glyph else { return glyph }
        glyph.left = Int(slot.pointee.bitmap_left)
        glyph.top = Int(slot.pointee.bitmap_top)
        glyph.advance = Int(slot.pointee.advance.x)
        glyph.image = Self.image(of: slot.pointee.bitmap)
        if style.weight == .bold, faceWeight == .regular { Self.embolden(&glyph, size: style.size) }
        return glyph
    }

    /// Hinted monochrome rendering: the TrueType hinter snaps stems and the small Vietnamese marks to whole
    /// dots, which is what a 203-dpi thermal head can print; anti-aliased grey would only be thresholded.
    private static let loadFlags = FT_Int32(FT_LOAD_RENDER) | (FT_Int32(FT_RENDER_MODE_MONO.rawValue & 15) << 16)

    private static func image(of bitmap: FT_Bitmap) -> Bitmap? {
        let width = Int(bitmap.width)
        let rows = Int(bitmap.rows)
        guard width > 0, rows > 0, let buffer = bitmap.buffer else { return nil }
        let pitch = Int(bitmap.pitch)
        let mono = bitmap.pixel_mode == UInt8(FT_PIXEL_MODE_MONO.rawValue)
        var image = Bitmap(width: width, height: rows)
        for y in 0..<rows {
            let row = buffer + y * pitch
            for x in 0..<width {
                // Grey output (a font without hinting instructions) is thresholded at 50 %.
                image[x, y] = mono ? row[x >> 3] & (0x80 >> UInt8(x & 7)) != 0 : row[x] >= 128
            }
        }
        return image
    }

    /// Synthetic bold: each row is smeared right by a few dots and the advance grows to match.
    private static func embolden(_ glyph: inout TextRasterizer.Glyph, size: Int) {
        let extra = max(1, size / 24)
        glyph.advance += extra * 64
        guard let image = glyph.image else { return }
        var thick = Bitmap(width: image.width + extra, height: image.height)
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y] {
                for dx in 0...extra { thick[x + dx, y] = true }
            }
        }
        glyph.image = thick
    }

    /// The face for a weight, sized for the style (FreeType keeps one active size per face).
    private func select(_ weight: TextRasterizer.Weight, style: TextRasterizer.Style) -> FT_Face {
        let face = weight == .bold ? (bold ?? regular) : regular
        let metrics = face.pointee.size.pointee.metrics
        if Int(metrics.x_ppem) != style.pixelWidth || Int(metrics.y_ppem) != style.size {
            FT_Set_Pixel_Sizes(face, FT_UInt(style.pixelWidth), FT_UInt(style.size))
        }
        return face
    }

    private static func roundedPixels(_ value: FT_Pos) -> Int { Int((value + 32) >> 6) }
}

extension TextRasterizerEngine {
    /// Lays out one line of already NFC-normalised text: glyphs on the pen advance with kerning, and combining
    /// marks that NFC could not fold into a precomposed letter stacked over or under their base letter.
    func layout(_ text: String, style: TextRasterizer.Style) -> TextRasterizer.Run {
        var pieces: [TextRasterizer.Run.Piece] = []
        var pen = 0
        var previous: TextRasterizer.Glyph?
        for character in text {
            let scalars = Array(character.unicodeScalars)
            guard let first = scalars.first else { continue }
            let base = glyph(Self.printable(first), style: style)
            if let previous { pen += kerning(previous, base, style: style) }
            let originX = Self.pixels(pen)
            var cluster = Cluster(origin: originX, base: base, gap: max(1, style.size / 14))
            if let image = base.image { pieces.append(.init(image: image, x: originX + base.left, y: -base.top)) }
            for mark in scalars.dropFirst() {
                let markGlyph = glyph(mark, style: style)
                if let piece = cluster.place(markGlyph) { pieces.append(piece) }
            }
            pen += base.advance
            previous = base
        }
        let metrics = lineMetrics(style)
        return TextRasterizer.Run(pieces: pieces, advance: Self.pixels(pen), ascender: metrics.ascender, descender: metrics.descender)
    }

    /// Tabs, line breaks and other controls print as a space rather than as a missing-glyph box.
    private static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.properties.generalCategory == .control ? " " : scalar
    }

    private static func pixels(_ value26d6: Int) -> Int { (value26d6 + 32) >> 6 }
}

/// Positions the combining marks of one grapheme cluster without OpenType mark tables: each mark is centred
/// on the base letter's ink and pushed up (or down) just clear of what is already there, so "x̃" or a
/// tone mark on an unusual base stays readable instead of overprinting the letter.
private struct Cluster {
    let centre: Int
    let origin: Int
    let gap: Int
    var top: Int
    var bottom: Int

    init(origin: Int, base: TextRasterizer.Glyph, gap: Int) {
        self.origin = origin
        self.gap = gap
        let width = base.image?.width ?? 0
        centre = origin + base.left + width / 2
        top = -base.top
        bottom = -base.top + (base.image?.height ?? 0)
        if base.image == nil {
            top = 0
            bottom = 0
        }
    }

    mutating func place(_ mark: TextRasterizer.Glyph) -> TextRasterizer.Run.Piece? {
        guard let image = mark.image else { return nil }
        let naturalTop = -mark.top
        let naturalBottom = naturalTop + image.height
        let x = centre - image.width / 2
        if naturalTop + naturalBottom < 0 {
            // Above the baseline: a mark above the letter.
            let shift = min(0, top - gap - naturalBottom)
            top = naturalTop + shift
            return .init(image: image, x: x, y: naturalTop + shift)
        }
        let shift = max(0, bottom + gap - naturalTop)
        bottom = naturalBottom + shift
        return .init(image: image, x: x, y: naturalTop + shift)
    }
}
