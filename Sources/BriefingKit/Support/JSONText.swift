import Foundation

/// JSON written straight into bytes, for `briefing.json` and the search index: tens of megabytes
/// in a large briefing, where `JSONEncoder` building each value as a tree of boxes, then sorting
/// its keys, was 7% of a whole build's time. Strings are escaped as `JSONEncoder` escapes them
/// (`"`, `\` and control characters; `/` left as it is); objects are written by the caller, keys
/// in sorted order and absent optionals left out, so that the bytes are those `JSONEncoder` with
/// `.sortedKeys` and `.withoutEscapingSlashes` gives, which a test compares.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    var data: Data { Data(bytes) }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole.
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x22, 0x5C: bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes += Array("u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func number(_ value: Int) {
        if value >= 0 { digits(value) } else { bytes += Array(String(value).utf8) }
    }

    /// A number that is not negative, written digit by digit without a string between.
    mutating func digits(_ value: Int) {
        if value >= 10 { digits(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Text written as it is: punctuation and names the caller knows need no escape.
    mutating func raw(_ text: String) {
        bytes += text.utf8
    }

    /// Between values written one after another without `array`.
    mutating func comma() {
        bytes.append(UInt8(ascii: ","))
    }

    mutating func strings(_ values: [String]) {
        array(values) { $0.string($1) }
    }

    mutating func array<Element>(_ values: [Element], _ write: (inout JSONText, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// An object whose fields `write` gives, in the order of their keys.
    mutating func object(_ write: (inout Object) -> Void) {
        var object = Object(text: self)
        bytes = []
        object.text.bytes.append(UInt8(ascii: "{"))
        write(&object)
        object.text.bytes.append(UInt8(ascii: "}"))
        self = object.text
    }

    struct Object {
        fileprivate var text: JSONText
        private var first = true

        fileprivate init(text: JSONText) {
            self.text = text
        }

        private mutating func key(_ key: String) {
            if !first { text.bytes.append(UInt8(ascii: ",")) }
            first = false
            text.string(key)
            text.bytes.append(UInt8(ascii: ":"))
        }

        mutating func field(_ name: String, _ value: String) {
            key(name)
            text.string(value)
        }

        /// Left out when nil, as `JSONEncoder` leaves out an absent optional.
        mutating func field(_ name: String, _ value: String?) {
            guard let value else { return }
            field(name, value)
        }

        mutating func field(_ name: String, _ value: Int) {
            key(name)
            text.number(value)
        }

        mutating func field(_ name: String, _ values: [String]) {
            key(name)
            text.strings(values)
        }

        mutating func field<Element>(_ name: String, _ values: [Element], _ write: (inout JSONText, Element) -> Void) {
            key(name)
            text.array(values, write)
        }
    }
}
