import Yams

/// Writes extracted parties as editorial files, in the format the loader reads back.
public enum EditorialWriter {
    public static func markdown(for party: Party) throws(BuildFailure) -> String {
        var pairs: [(Node, Node)] = [("name", Node(party.name)), ("kind", Node(party.kind.rawValue))]
        if let role = party.role { pairs.append(("role", Node(role))) }
        if !party.aliases.isEmpty { pairs.append(("aliases", Node(party.aliases.map { Node($0) }))) }
        do {
            let yaml = try Yams.serialize(node: .mapping(Node.Mapping(pairs)), width: -1, allowUnicode: true)
            return "---\n" + yaml + "---\n" + (party.description.isEmpty ? "" : party.description + "\n")
        } catch {
            throw BuildFailure(stage: "extract", diagnostics: [.error(party.path, "cannot write the party: \(error)")])
        }
    }
}
