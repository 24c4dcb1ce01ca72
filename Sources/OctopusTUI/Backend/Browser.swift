import CTerminal
import Foundation
import OctopusKit

/// The event loop: read a key (100 ms timeout), update the state, render, present. Quits on
/// `q`/Ctrl-C and shuts down cleanly on SIGINT, SIGTERM and SIGHUP.
@MainActor
public enum Browser {
    /// Runs the browser; returns the process exit status.
    public static func run(kb: KnowledgeBase, options: BrowserOptions) -> Int32 {
        octopus_watch_quit_signals()
        guard let backend = NcursesBackend(color: options.color, mouse: options.mouse) else {
            FileHandle.standardError.write(Data("octopus: cannot start the terminal UI (TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "")); try TERM=xterm-256color, or use `octopus list` and `octopus show`\n".utf8))
            return 1
        }
        // The backend has called setlocale, so the codeset is the user's.
        var state = AppState(kb: kb, size: backend.size, date: options.date, ascii: options.ascii || !isUTF8Locale())
        backend.present(Render.render(state))
        while !state.quitRequested {
            let signal = octopus_pending_signal()
            if signal != 0 {
                backend.shutdown()
                return 128 + signal
            }
            guard let event = backend.readKey() else { continue }
            switch event {
            case .resize: Update.update(&state, .resize(backend.size))
            case .key(let key):
                if state.isTooSmall, key == .char("q") || key == .ctrl("c") { state.quitRequested = true; break }
                Update.update(&state, .key(key))
            }
            backend.present(Render.render(state))
        }
        backend.shutdown()
        return 0
    }

    /// Whether the character encoding of the locale is UTF-8 (else ASCII glyphs are drawn).
    static func isUTF8Locale() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
