import DeviceProtocols
import Foundation
import Testing

@Suite struct QRCodeSVGTests {
    static let url = "https://khongcho.example/t/0f3a9c51e2b74d68a1c0f5e39b2d7a46"

    @Test func darkModulesAreLibqrencodesMatrix() throws {
        let code = try QRCode(encoding: Self.url)
        let drawing = try SVGDrawing(code.svg())
        let quiet = QRCode.quietZone
        #expect(drawing.side == code.size + 2 * quiet)
        #expect(drawing.overlaps == 0, "a module is painted twice")
        var wrong: [String] = []
        for y in 0..<drawing.side {
            for x in 0..<drawing.side where drawing.dark.contains([x, y]) != code[x - quiet, y - quiet] {
                wrong.append("(\(x - quiet), \(y - quiet))")
            }
        }
        #expect(wrong.isEmpty, "modules differ from libqrencode's: \(wrong.prefix(10))")
        #expect(drawing.dark.count == code.modules.filter { $0 }.count)
    }

    @Test func documentIsAWhiteSquareWithCrispEdges() throws {
        let code = try QRCode(encoding: Self.url)
        let svg = code.svg()
        let side = code.size + 2 * QRCode.quietZone
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" "))
        #expect(svg.contains("viewBox=\"0 0 \(side) \(side)\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.contains("<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test func runsOfDarkModulesBecomeOneRectangleEach() {
        // Row 0: ██·  row 1: ·█·  row 2: ███ (a hand-made matrix, not a real symbol).
        let code = QRCode(version: 1, size: 3, modules: [true, true, false, false, true, false, true, true, true])
        #expect(
            code.svg()
                == "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 11 11\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"11\" height=\"11\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"M4 4h2v1h-2zM5 5h1v1h-1zM4 6h3v1h-3z\"/></svg>\n")
    }
}

/// An SVG from `QRCode.svg()` read back independently of how it was written: the `viewBox` side and the unit
/// squares its `<path>` paints, each subpath being required to be a closed axis-aligned rectangle.
private struct SVGDrawing {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    var side = 0
    var dark: Set<[Int]> = []
    var overlaps = 0

    init(_ svg: String) throws {
        let box = try Self.attribute("viewBox", in: svg).split(separator: " ").compactMap { Int($0) }
        guard box.count == 4, box[0] == 0, box[1] == 0, box[2] == box[3] else { throw Malformed(description: "viewBox \(box)") }
        side = box[2]
        for (start, moves) in try Self.subpaths(Self.attribute("d", in: svg)) { try paint(from: start, moves) }
    }

    /// Fills the rectangle a subpath outlines: from `start`, a horizontal, a vertical, the horizontal back, closed.
    mutating func paint(from start: [Int], _ moves: [(Character, Int)]) throws {
        guard moves.count == 4, moves[0].0 == "h", moves[1].0 == "v", moves[2].0 == "h", moves[2].1 == -moves[0].1, moves[3].0 == "z"
        else {
            throw Malformed(description: "not a rectangle at \(start): \(moves)")
        }
        let xs = [start[0], start[0] + moves[0].1].sorted()
        let ys = [start[1], start[1] + moves[1].1].sorted()
        for y in ys[0]..<ys[1] {
            for x in xs[0]..<xs[1] where !dark.insert([x, y]).inserted { overlaps += 1 }
        }
    }

    static func attribute(_ name: String, in svg: String) throws -> Substring {
        guard let open = svg.range(of: " \(name)=\""), let close = svg[open.upperBound...].firstIndex(of: "\"") else {
            throw Malformed(description: "no \(name) attribute")
        }
        return svg[open.upperBound..<close]
    }

    /// Splits path data into subpaths: an absolute `M x y`, then its relative `h`/`v` moves and `z`.
    static func subpaths(_ data: Substring) throws -> [(start: [Int], moves: [(Character, Int)])] {
        var commands: [(letter: Character, numbers: [Int])] = []
        var number = ""
        func flush() throws {
            guard !number.isEmpty else { return }
            guard let value = Int(number), !commands.isEmpty else { throw Malformed(description: "number \(number)") }
            commands[commands.count - 1].numbers.append(value)
            number = ""
        }
        for character in data {
            if character.isLetter {
                try flush()
                commands.append((character, []))
            } else if character == " " || character == "," {
                try flush()
            } else if character == "-" {
                try flush()
                number = "-"
            } else {
                number.append(character)
            }
        }
        try flush()
        var result: [(start: [Int], moves: [(Character, Int)])] = []
        for command in commands {
            switch (command.letter, command.numbers.count) {
            case ("M", 2): result.append((command.numbers, []))
            case ("h", 1), ("v", 1):
                guard !result.isEmpty else { throw Malformed(description: "a move before M") }
                result[result.count - 1].moves.append((command.letter, command.numbers[0]))
            case ("z", 0):
                guard !result.isEmpty else { throw Malformed(description: "z before M") }
                result[result.count - 1].moves.append(("z", 0))
            default: throw Malformed(description: "unexpected path command \(command)")
            }
        }
        return result
    }
}
