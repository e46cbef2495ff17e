import Foundation

/// Lays out the map of who is mentioned with whom: the most-mentioned parties on a circle, a line
/// between each two named in the same paragraph, thicker the more paragraphs name both.
///
/// The layout is computed here and drawn by a template as SVG, so the map needs no script and
/// a theme can restyle or replace it.
enum RelationMap {
    /// More parties than this crowd the circle until labels overlap; the party list has them all.
    static let nodeLimit = 16
    private static let width = 960.0
    private static let height = 600.0
    private static let radius = 210.0
    /// A generous average width of a label character at the map's 15-unit font, to fit the
    /// picture to its labels without measuring text.
    private static let characterWidth = 9.0

    /// The box the drawing covers, so the picture is cropped to it.
    private struct Bounds {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        mutating func include(_ x: Double, _ y: Double) {
            minX = min(minX, x)
            minY = min(minY, y)
            maxX = max(maxX, x)
            maxY = max(maxY, y)
        }
    }

    static func view(_ site: Site, relations: Relations, root: String) -> RelationMapView? {
        let pairs = relations.partyPairs()
        let tied = Set(pairs.flatMap { [$0.0, $0.1] })
        let mentionCount = Dictionary(
            site.parties.map { ($0.party.slug, $0.mentions.count) }, uniquingKeysWith: { first, _ in first })
        let chosen = site.parties.filter { tied.contains($0.party.slug) }
            .sorted {
                (mentionCount[$0.party.slug] ?? 0, $1.party.slug) > (mentionCount[$1.party.slug] ?? 0, $0.party.slug)
            }
            .prefix(nodeLimit)
        guard chosen.count >= 2 else { return nil }
        let included = Set(chosen.map(\.party.slug))
        let shown = pairs.filter { included.contains($0.0) && included.contains($0.1) }
        let order = circleOrder(chosen.map(\.party.slug), pairs: shown)
        let maxMentions = Double(chosen.map { mentionCount[$0.party.slug] ?? 0 }.max() ?? 1)
        let maxTie = Double(shown.map(\.2).max() ?? 1)
        let names = Dictionary(chosen.map { ($0.party.slug, $0.party.name) }, uniquingKeysWith: { first, _ in first })

        var position: [String: (Double, Double)] = [:]
        var nodes: [MapNodeView] = []
        var bounds = Bounds()
        let centre = (x: width / 2, y: height / 2)
        for (index, slug) in order.enumerated() {
            // Start at the top and go clockwise.
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(order.count)
            let (cosine, sine) = (cos(angle), sin(angle))
            let x = centre.x + radius * cosine
            let y = centre.y + radius * sine
            position[slug] = (x, y)
            let count = mentionCount[slug] ?? 0
            let r = 5 + 11 * (Double(count) / max(maxMentions, 1)).squareRoot()
            let gap = r + 8
            let anchor = cosine > 0.2 ? "start" : cosine < -0.2 ? "end" : "middle"
            let labelY = y + gap * sine + (sine > 0.2 ? 12 : sine < -0.2 ? -4 : 5)
            let labelX = x + gap * cosine
            let labelWidth = Double((names[slug] ?? slug).count) * characterWidth
            bounds.include(x - r, y - r)
            bounds.include(x + r, y + r)
            let labelLeft = anchor == "start" ? labelX : anchor == "end" ? labelX - labelWidth : labelX - labelWidth / 2
            bounds.include(labelLeft, labelY - 14)
            bounds.include(labelLeft + labelWidth, labelY + 4)
            nodes.append(
                MapNodeView(
                    label: names[slug] ?? slug, href: root + Routes.party(slug), count: count,
                    x: format(x), y: format(y), r: format(r), labelX: format(labelX),
                    labelY: format(labelY), anchor: anchor))
        }
        let edges = shown.compactMap { pair -> MapEdgeView? in
            guard let a = position[pair.0], let b = position[pair.1] else { return nil }
            let label =
                "\(names[pair.0] ?? pair.0) and \(names[pair.1] ?? pair.1): \(pair.2) paragraph\(pair.2 == 1 ? "" : "s")"
            return MapEdgeView(
                x1: format(a.0), y1: format(a.1), x2: format(b.0), y2: format(b.1),
                width: format(1 + 5 * Double(pair.2) / maxTie), label: label)
        }
        let margin = 12.0
        return RelationMapView(
            viewBox: [
                bounds.minX - margin, bounds.minY - margin, bounds.maxX - bounds.minX + 2 * margin,
                bounds.maxY - bounds.minY + 2 * margin,
            ].map(format).joined(separator: " "),
            nodes: nodes,
            // The weakest ties first, so the strongest lines are drawn on top.
            edges: edges.reversed())
    }

    /// Places each party next to the one it is most tied to among those already placed, starting
    /// from the most mentioned, so strong ties become short lines along the circle.
    static func circleOrder(_ slugs: [String], pairs: [(String, String, Int)]) -> [String] {
        var weight: [String: [String: Int]] = [:]
        for (a, b, count) in pairs {
            weight[a, default: [:]][b] = count
            weight[b, default: [:]][a] = count
        }
        var order = [slugs[0]]
        var left = Array(slugs.dropFirst())
        while !left.isEmpty {
            let last = order[order.count - 1]
            // Ties to the last placed party first; `left` keeps mention order for equal ties.
            guard
                let best = left.indices.max(by: {
                    (weight[last]?[left[$0]] ?? 0, $1) < (weight[last]?[left[$1]] ?? 0, $0)
                })
            else { break }
            order.append(left.remove(at: best))
        }
        return order
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
