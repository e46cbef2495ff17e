import Yams

/// Writes extracted parties, terms and events as editorial files, in the format the loader reads back.
public enum EditorialWriter {
    public static func markdown(for term: Term) throws(BuildFailure) -> String {
        var pairs: [(Node, Node)] = [("name", Node(term.name))]
        if !term.aliases.isEmpty { pairs.append(("aliases", Node(term.aliases.map { Node($0) }))) }
        if !term.definition.isEmpty { pairs.append(("definition", Node(term.definition))) }
        return try document(pairs, body: term.description, path: term.path)
    }

    public static func markdown(for event: Event) throws(BuildFailure) -> String {
        var pairs: [(Node, Node)] = [("summary", Node(event.summary))]
        if let date = event.date { pairs.append(("date", Node(date))) }
        if let when = event.when { pairs.append(("when", Node(when))) }
        pairs.append(("order", Node(String(event.order))))
        if event.status == .planned { pairs.append(("status", Node("planned"))) }
        pairs.append(("sources", Node(event.sources.map { Node($0.value) })))
        if !event.parties.isEmpty { pairs.append(("parties", Node(event.parties.map { Node($0.value) }))) }
        return try document(pairs, body: event.description, path: event.path)
    }

    public static func markdown(for party: Party) throws(BuildFailure) -> String {
        var pairs: [(Node, Node)] = [("name", Node(party.name)), ("kind", Node(party.kind.rawValue))]
        if let role = party.role { pairs.append(("role", Node(role))) }
        if !party.aliases.isEmpty { pairs.append(("aliases", Node(party.aliases.map { Node($0) }))) }
        return try document(pairs, body: party.description, path: party.path)
    }

    static func document(_ pairs: [(Node, Node)], body: String, path: String) throws(BuildFailure) -> String {
        do {
            let yaml = try Yams.serialize(node: .mapping(Node.Mapping(pairs)), width: -1, allowUnicode: true)
            return "---\n" + yaml + "---\n" + (body.isEmpty ? "" : body + "\n")
        } catch {
            throw BuildFailure(stage: "extract", diagnostics: [.error(path, "cannot write the file: \(error)")])
        }
    }
}
