import BundledKnowledgeBase
import Foundation
import OctopusKit
@testable import OctopusTUI

let bundled: KnowledgeBase = {
    do { return try KnowledgeBaseLoader.load(json: BundledKnowledgeBase.json, file: "bundled") }
    catch { fatalError("bundled knowledge base is invalid:\n\(error)") }
}()
