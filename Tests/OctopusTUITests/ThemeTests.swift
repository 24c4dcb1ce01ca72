import OctopusDocument
import OctopusKit
import TestSupport
import Testing

@testable import OctopusTUI

/// Issue 14: colours that work on every background. Meaning rests on attributes of the default
/// foreground; a theme only adds a colour made for its background.
@Suite("Themes")
struct ThemeTests {
    static let styles: [Style] = [.normal, .heading, .accent, .link, .dim, .warning, .selected, .bar, Style(.link, bold: true, underline: true)]

    @Test(arguments: Theme.allCases, [8, 16, 256])
    func meaningRestsOnAttributesInEveryTheme(theme: Theme, colors: Int) {
        for style in Self.styles {
            let look = theme.look(style, colors: colors)
            #expect(look.bold == style.bold && look.underline == style.underline && look.reverse == style.reverse, "\(theme) \(style)")
        }
        #expect(theme.look(.heading, colors: colors).bold)
        #expect(theme.look(.link, colors: colors).underline)
        #expect(
            theme.look(.selected, colors: colors).reverse && theme.look(.selected, colors: colors).color == nil,
            "a selection is the terminal's own colours swapped")
    }

    @Test(arguments: [8, 16, 256])
    func noYellowOrCyanOnLightNoDarkBlueOnDarkNoColourInMono(colors: Int) {
        for style in Self.styles {
            let light = Theme.light.look(style, colors: colors).color
            #expect(light != Theme.yellow && light != Theme.cyan, "\(style) on light")
            let dark = Theme.dark.look(style, colors: colors).color
            #expect(dark != Theme.blue, "\(style) on dark")
            #expect(Theme.mono.look(style, colors: colors).color == nil)
        }
        // Mono still tells dim text apart, by the faint attribute.
        #expect(Theme.mono.look(.dim, colors: colors).dim)
    }

    @Test(arguments: [
        ("15;0", Theme.dark), ("0;15", .light), ("0;7", .light), ("7;0", .dark), ("15;default;0", .dark), ("0;default;15", .light),
        ("12;8", .dark),
    ])
    func colorfgbgNamesTheBackground(value: String, theme: Theme) {
        #expect(Theme.fromCOLORFGBG(value) == theme)
    }

    @Test(arguments: ["", "default", "15;", ";x", "0;300", "0;200"])
    func aCOLORFGBGThatSaysNothingUsableIsIgnored(value: String) {
        #expect(Theme.fromCOLORFGBG(value) == nil)
    }

    @Test func anOSC11ReplyIsReadInAnyPrecision() {
        #expect(Theme.fromBackgroundReply("\u{1b}]11;rgb:ffff/ffff/ffff\u{1b}\\\u{1b}[?64;1;2c") == .light)
        #expect(Theme.fromBackgroundReply("\u{1b}]11;rgb:0000/0000/0000\u{07}") == .dark)
        #expect(Theme.fromBackgroundReply("\u{1b}]11;rgb:fd/f6/e3\u{07}") == .light)  // Solarized light
        #expect(Theme.fromBackgroundReply("\u{1b}]11;rgb:00/2b/36\u{07}") == .dark)  // Solarized dark
        // Only a DA1 answer (the terminal does not know OSC 11), or garbage: nothing to go on.
        #expect(Theme.fromBackgroundReply("\u{1b}[?1;2c") == nil)
        #expect(Theme.fromBackgroundReply("\u{1b}]11;rgb:zz/00/00\u{07}") == nil)
        #expect(Theme.fromBackgroundReply("\u{1b}]11;rgb:fffff/0/0\u{07}") == nil)
    }

    @Test func theThemeComesFromTheUserThenTheTerminal() {
        func choose(_ asked: Theme?, _ env: [String: String], color: Bool = true, reply: String? = nil) -> (Theme, Bool) {
            var asked_ = false
            let t = Theme.choose(asked: asked, environment: env, colorAllowed: color) {
                asked_ = true
                return reply
            }
            return (t, asked_)
        }
        #expect(choose(.light, ["COLORFGBG": "15;0"]).0 == .light)
        #expect(choose(nil, ["OCTOPUS_THEME": "Light", "COLORFGBG": "15;0"]).0 == .light)
        #expect(choose(.light, [:], color: false).0 == .mono, "--no-color and NO_COLOR win")
        let fromEnv = choose(nil, ["COLORFGBG": "0;15"], reply: "\u{1b}]11;rgb:0000/0000/0000\u{07}")
        #expect(fromEnv == (.light, false), "COLORFGBG answers without asking the terminal")
        #expect(choose(nil, [:], reply: "\u{1b}]11;rgb:ffff/ffff/ffff\u{07}") == (.light, true))
        #expect(choose(nil, ["OCTOPUS_THEME": "blue"], reply: nil) == (.dark, true), "an unknown name falls back to detection, then dark")
    }

    /// The projector underlined each word of a link apart: the space inside a link's label (or a
    /// heading) is part of it now; the space after a link is not.
    @Test func aLinkIsUnderlinedAsOneAcrossItsWordsAndNotPastIt() throws {
        let page = Page(
            id: "x", kind: .term, title: "T", subtitle: "",
            blocks: [.paragraph([.text("see "), .link(label: "mutual legal assistance", number: 1), .text(" and more")])], links: ["mla"])
        let layout = PageLayout.wrap(page, width: 80, ascii: false)
        let line = try #require(layout.lines.first { $0.contains { $0.text == "mutual" } })
        let i = try #require(line.firstIndex { $0.text == "mutual" })
        #expect(line[i + 1].text == " " && line[i + 1].style == .link && line[i + 1].link == 1)
        #expect(line[i + 3].text == " " && line[i + 3].style == .link)
        let after = try #require(line.firstIndex { $0.text == "and" })
        #expect(line[after - 1].text == " " && line[after - 1].style == .normal, "the gap after the link is not underlined")
    }
}
