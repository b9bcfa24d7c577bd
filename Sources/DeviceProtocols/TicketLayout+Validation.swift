extension TicketLayout {
    /// Checks what JSON decoding cannot: each block has the fields its kind needs, sizes are sane and every
    /// placeholder exists. Done at load time so a bad template fails at start-up, not on a citizen's ticket.
    func validate(path: String) throws(TicketLayoutError) {
        guard (200...4000).contains(referenceWidth) else {
            throw .invalidLayout(path: path, reason: "referenceWidth \(referenceWidth) must be 200...4000 dots")
        }
        guard (6...200).contains(minTextSize) else {
            throw .invalidLayout(path: path, reason: "minTextSize \(minTextSize) must be 6...200 dots")
        }
        guard margins.top >= 0, margins.bottom >= 0, margins.side >= 0, margins.side * 2 < referenceWidth / 2 else {
            throw .invalidLayout(path: path, reason: "margins must be non-negative and leave at least half the width")
        }
        guard !blocks.isEmpty else { throw .invalidLayout(path: path, reason: "no blocks") }
        for (index, block) in blocks.enumerated() {
            if let reason = block.problem {
                throw .invalidBlock(path: path, index: index, reason: "\(block.kind.rawValue): \(reason)")
            }
            if let name = Self.unknownPlaceholder(in: block) {
                throw .unknownPlaceholder(path: path, index: index, name: name)
            }
        }
    }

    private static func unknownPlaceholder(in block: Block) -> String? {
        let written = block.texts.map(\.text) + [block.data].compactMap { $0 }
        return written.flatMap(TicketContent.placeholders(in:)).first { !TicketContent.placeholderNames.contains($0) }
    }
}

extension TicketLayout.Block {
    /// What is wrong with this block, or `nil`.
    var problem: String? {
        if let spaceBefore, spaceBefore < 0 { return "spaceBefore must not be negative" }
        if let spaceAfter, spaceAfter < 0 { return "spaceAfter must not be negative" }
        if let bad = texts.lazy.compactMap(\.problem).first { return bad }
        switch kind {
        case .text: return text == nil ? "needs \"text\"" : nil
        case .rule: return (thickness ?? 1) < 1 || (dash ?? 1) < 1 ? "thickness and dash must be at least 1" : nil
        case .box: return (lines ?? []).isEmpty ? "needs \"lines\"" : ((padding ?? 0) < 0 ? "padding must not be negative" : nil)
        case .row: return label == nil || value == nil ? "needs \"label\" and \"value\"" : nil
        case .qr: return qrProblem
        case .space: return (height ?? -1) < 0 ? "needs a non-negative \"height\"" : nil
        }
    }

    private var qrProblem: String? {
        if data == nil { return "needs \"data\" (e.g. \"{url}\")" }
        if let maxWidth, !(maxWidth > 0 && maxWidth <= 1) { return "maxWidth is a fraction of the line, 0...1" }
        if let maxScale, maxScale < 1 { return "maxScale must be at least 1" }
        return nil
    }
}

extension TicketLayout.Text {
    /// What is wrong with this text's settings, or `nil`.
    var problem: String? {
        if !(4...600).contains(size) { return "text size \(size) must be 4...600 dots" }
        if let minSize, !(4...600).contains(minSize) { return "minSize \(minSize) must be 4...600 dots" }
        if let maxLines, maxLines < 1 { return "maxLines must be at least 1" }
        if let widthScale, !(0.3...2).contains(widthScale) { return "widthScale must be 0.3...2" }
        if let lineGap, lineGap < 0 { return "lineGap must not be negative" }
        return nil
    }
}
