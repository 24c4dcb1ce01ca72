import FoundationEssentials
import Glibc

/// The message format between a presenter's octopus and those following it (the room's screen,
/// delegates' laptops); pure Swift, so the fuzz target and the model's tests read it without the
/// network (OctopusShare carries it). Version 1:
///
/// - Every message is one line of JSON in UTF-8, ended by a newline, with `"octopus": 1` (the
///   version). A peer that reads another version refuses it and says so.
/// - The follower speaks once, first: `{"octopus":1,"join":"K7Q2MX"}` (the join code; over the
///   Unix socket in the user's own runtime folder no code is asked, and `join` may be left out).
///   At most `Wire.maxFollowerLine` bytes; anything it sends afterwards is read and thrown away.
/// - The presenter answers `{"octopus":1,"tour":{…}}` (a `TourOutline`: title, session, steps with
///   address, heading and minutes — never notes) and then `{"octopus":1,"cue":{…}}` (a `WalkCue`)
///   on every change; `tour` again when the presenter walks another tour. A refusal is
///   `{"octopus":1,"refused":"wrong join code"}` and the connection closes; `{"octopus":1,"bye":"…"}`
///   says the presenter stopped. A line is at most `Wire.maxPresenterLine` bytes.
public struct WireMessage: Sendable, Hashable, Codable {
    public var octopus: Int
    public var join: String?
    public var tour: TourOutline?
    public var cue: WalkCue?
    public var refused: String?
    public var bye: String?

    public init(join: String? = nil, tour: TourOutline? = nil, cue: WalkCue? = nil, refused: String? = nil, bye: String? = nil) {
        octopus = Wire.version
        self.join = join; self.tour = tour; self.cue = cue; self.refused = refused; self.bye = bye
    }
}

public enum Wire {
    public static let version = 1
    /// A join request is a few dozen bytes; more is not a follower speaking.
    public static let maxFollowerLine = 512
    /// The largest tour (999 steps with headings) is well under this.
    public static let maxPresenterLine = 4 * 1024 * 1024

    /// The message as its line, newline included.
    public static func line(_ message: WireMessage) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every field is a plain value; encoding cannot fail.
        let data = (try? encoder.encode(message)) ?? Data("{}".utf8)
        return Array(data) + [0x0A]
    }

    public enum ReadError: Error, Sendable, Hashable, CustomStringConvertible {
        case notOctopus
        case version(Int)

        public var description: String {
            switch self {
            case .notOctopus: "not an octopus message"
            case .version(let v): "message format version \(v); this octopus speaks version \(Wire.version)"
            }
        }
    }

    /// One line (newline removed) as a message, or why it is not one.
    public static func read(_ bytes: some Collection<UInt8>) -> Result<WireMessage, ReadError> {
        guard let message = try? JSONDecoder().decode(WireMessage.self, from: Data(bytes)) else {
            // A message from another version may not decode as this one: say which version it is.
            if let n = (try? JSONDecoder().decode(VersionOnly.self, from: Data(bytes)))?.octopus, n != version {
                return .failure(.version(n))
            }
            return .failure(.notOctopus)
        }
        guard message.octopus == version else { return .failure(.version(message.octopus)) }
        return .success(message)
    }
}

/// The one field every version of the message has.
private struct VersionOnly: Decodable { var octopus: Int }
