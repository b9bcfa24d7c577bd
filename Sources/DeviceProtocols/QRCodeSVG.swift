extension QRCode {
    /// The symbol as a standalone SVG document, for screens: one user unit per module (`viewBox` covers the
    /// symbol and its quiet zone), a white square under the whole of it, and the dark modules as one `<path>`
    /// of horizontal runs (`M x y h n v1 h-n z`, one rectangle per run of dark modules in a row).
    /// `shape-rendering="crispEdges"` keeps module edges sharp when a browser scales it to any size; the
    /// page's CSS chooses that size.
    public func svg() -> String {
        let side = size + 2 * Self.quietZone
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else {
                    x += 1
                    continue
                }
                let start = x
                while x < size, self[x, y] { x += 1 }
                path += "M\(start + Self.quietZone) \(y + Self.quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>\n"
    }
}
