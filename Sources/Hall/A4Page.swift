/// What every printable A4 page shares (the centre's period report, the province office's export): the print
/// styles and HTML escaping, so the pages print alike from any browser or open offline.
public enum A4Page {
    public static let style = """
        @page{size:A4;margin:14mm}
        body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;font-size:9.5pt;color:#111;margin:0 auto;max-width:190mm}
        h1{font-size:15pt;margin:0}h2{font-size:12pt;margin:14pt 0 4pt;border-bottom:1px solid #999}
        .en{color:#555;font-style:italic;margin:0}.period{font-size:12pt;font-weight:bold;margin:4pt 0 0}
        .centre,.asof{margin:2pt 0}table{border-collapse:collapse;width:100%;margin:4pt 0;page-break-inside:auto}
        th,td{border:1px solid #bbb;padding:2pt 3pt;text-align:right;font-size:8pt}th{background:#eee}
        td.name,th.name{text-align:left}tr{page-break-inside:avoid}
        .met{color:#2e7d32;font-weight:bold}.notmet{color:#c62828;font-weight:bold}
        svg.chart{display:block;margin:6pt 0;page-break-inside:avoid}svg.chart text{font-size:10px;font-family:inherit}
        svg.chart .chart-title{font-size:12px;font-weight:bold}footer{margin-top:12pt;font-size:8pt}
        @media print{section{page-break-inside:auto}h2{page-break-after:avoid}}
        """

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
