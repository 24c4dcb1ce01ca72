import BundledKnowledgeBase
import Foundation
@testable import OctopusKit

/// The bundled knowledge base, loaded once for all tests.
let bundled: KnowledgeBase = {
    do { return try KnowledgeBaseLoader.load(json: BundledKnowledgeBase.json, file: "bundled") } catch {
        fatalError("bundled knowledge base is invalid:\n\(error)")
    }
}()

func day(_ s: String) -> Day { Day(s)! }
