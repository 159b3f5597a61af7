//! The page as a tree: html5ever's HTML5 tree builder writing into a flat arena.
//!
//! Nodes live in one `Vec` and point at each other by index, so walking the tree never
//! recurses and a page nested 200,000 elements deep cannot overflow the stack. The
//! tree builder's own work is bounded too: it looks up the stack of open elements for
//! each tag, which on pathological nesting costs time quadratic in the depth. Parsing
//! feeds the page in pieces and counts those look-ups; a page that needs more than a
//! fixed amount of work per byte is read up to that point, with a warning that says so.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, Namespace, ParseOpts, QualName, ns, parse_document};

/// Index of a node in [`Dom::nodes`].
pub(crate) type NodeId = u32;
/// No node.
pub(crate) const NONE: NodeId = u32::MAX;
/// The document node.
pub(crate) const DOCUMENT: NodeId = 0;

/// Tree-builder look-ups allowed per byte of markup, and in all before that: real pages
/// need about one per byte (the 1,032 pages of the trafilatura set: none is cut).
const WORK_PER_BYTE: u64 = 4;
const WORK_BASE: u64 = 1 << 14;
/// How much markup is fed at a time between checks of the work done.
const CHUNK: usize = 1 << 10;

/// An element: its local name, whether it is an HTML element, and its attributes.
#[derive(Debug)]
pub(crate) struct Element {
    pub(crate) name: LocalName,
    pub(crate) html: bool,
    pub(crate) attrs: Vec<(LocalName, StrTendril)>,
    /// For `<template>`: the fragment holding its contents (never rendered).
    template: NodeId,
}

impl Element {
    /// The value of attribute `name`, when present.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| &**v)
    }
}

/// What a node is.
#[derive(Debug)]
pub(crate) enum Data {
    Document,
    Element(Element),
    Text(StrTendril),
    /// Comments, processing instructions and template fragments: never rendered.
    Other,
}

/// A node and its links to its neighbours.
#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) parent: NodeId,
    pub(crate) first_child: NodeId,
    pub(crate) next: NodeId,
    last_child: NodeId,
    prev: NodeId,
    pub(crate) data: Data,
    /// The line of the markup on which the element's start tag ends (1-based).
    pub(crate) line: u32,
}

impl Node {
    fn new(data: Data, line: u32) -> Node {
        Node {
            parent: NONE,
            first_child: NONE,
            next: NONE,
            last_child: NONE,
            prev: NONE,
            data,
            line,
        }
    }

    /// The element, when the node is one.
    pub(crate) fn element(&self) -> Option<&Element> {
        match &self.data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }
}

/// A parsed page.
#[derive(Debug)]
pub(crate) struct Dom {
    pub(crate) nodes: Vec<Node>,
    /// Problems met while parsing that did not stop it.
    pub(crate) warnings: Vec<String>,
}

impl Dom {
    pub(crate) fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// The element `id`, when it is one.
    pub(crate) fn element(&self, id: NodeId) -> Option<&Element> {
        self.nodes.get(id as usize).and_then(Node::element)
    }

    /// The local name of element `id` (`""` for other nodes).
    pub(crate) fn name(&self, id: NodeId) -> &str {
        self.element(id).map_or("", |e| &e.name)
    }

    /// The children of `id`, in order.
    pub(crate) fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.node(id).first_child,
        }
    }

    /// The ancestors of `id`, nearest first, not including `id`.
    pub(crate) fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut at = self.node(id).parent;
        std::iter::from_fn(move || {
            (at != NONE).then(|| {
                let this = at;
                at = self.node(at).parent;
                this
            })
        })
    }

    /// The first element named `name` under `from`, in document order.
    #[cfg(test)]
    pub(crate) fn find(&self, from: NodeId, name: &str) -> Option<NodeId> {
        self.descendants(from).find(|&id| self.name(id) == name)
    }

    /// Every node under `from` (not `from` itself), in document order, without recursion.
    pub(crate) fn descendants(&self, from: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut at = self.node(from).first_child;
        std::iter::from_fn(move || {
            if at == NONE {
                return None;
            }
            let this = at;
            let node = self.node(at);
            at = if node.first_child != NONE {
                node.first_child
            } else {
                let mut up = this;
                loop {
                    if up == from || up == NONE {
                        break NONE;
                    }
                    let n = self.node(up);
                    if n.next != NONE {
                        break n.next;
                    }
                    up = n.parent;
                    if up == from {
                        break NONE;
                    }
                }
            };
            Some(this)
        })
    }

    /// The text of the nodes under `id`, concatenated (scripts and styles included).
    pub(crate) fn text_of(&self, id: NodeId) -> String {
        let mut s = String::new();
        for n in self.descendants(id) {
            if let Data::Text(t) = &self.node(n).data {
                s.push_str(t);
            }
        }
        s
    }

    /// The `<body>` element (or the document when there is none).
    pub(crate) fn body(&self) -> NodeId {
        self.html_child("body").unwrap_or(DOCUMENT)
    }

    /// The `<head>` element, when there is one.
    #[cfg(test)]
    pub(crate) fn head(&self) -> Option<NodeId> {
        self.html_child("head")
    }

    /// Where element `id` is: its line, and its path up from `<body>`.
    pub(crate) fn place(&self, id: NodeId) -> crate::article::ElementPlace {
        let mut parts: Vec<String> = Vec::new();
        for a in std::iter::once(id).chain(self.ancestors(id)) {
            let Some(e) = self.element(a) else { break };
            let mut part = e.name.to_string();
            if let Some(i) = e.attr("id").filter(|i| !i.trim().is_empty()) {
                part.push('#');
                part.push_str(i.trim());
            } else if let Some(c) = e.attr("class").and_then(|c| c.split_whitespace().next()) {
                part.push('.');
                part.push_str(c);
            }
            parts.push(part);
            if &*e.name == "body" || parts.len() >= 12 {
                break;
            }
        }
        parts.reverse();
        crate::article::ElementPlace {
            line: self.node(id).line,
            path: parts.join(" > "),
        }
    }

    fn html_child(&self, name: &str) -> Option<NodeId> {
        let html = self.children(DOCUMENT).find(|&c| self.name(c) == "html")?;
        self.children(html).find(|&c| self.name(c) == name)
    }
}

/// See [`Dom::children`].
pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        (self.next != NONE).then(|| {
            let this = self.next;
            self.next = self.dom.node(this).next;
            this
        })
    }
}

/// Parses `html` into a tree, bounded in time and stack whatever the markup.
pub(crate) fn parse(html: &str) -> Dom {
    let work = Rc::new(Cell::new(0u64));
    let sink = Sink {
        nodes: RefCell::new(vec![Node::new(Data::Document, 1)]),
        line: Cell::new(1),
        work: Rc::clone(&work),
    };
    let mut parser = parse_document(sink, ParseOpts::default());
    let mut pos = 0;
    let mut cut = None;
    while pos < html.len() {
        let end = chunk_end(html, pos);
        parser.process(StrTendril::from_slice(&html[pos..end]));
        pos = end;
        if work.get() > WORK_BASE + WORK_PER_BYTE * pos as u64 && pos < html.len() {
            cut = Some(pos);
            break;
        }
    }
    let mut dom = parser.finish();
    if let Some(pos) = cut {
        dom.warnings.push(format!(
            "the markup is nested too deeply to read whole in bounded time: read up to byte {pos} of {}",
            html.len()
        ));
    }
    dom
}

/// Where the piece of `html` from `pos` ends: about [`CHUNK`] bytes on, before a `<`.
fn chunk_end(html: &str, pos: usize) -> usize {
    let mut end = (pos + CHUNK).min(html.len());
    while !html.is_char_boundary(end) {
        end += 1;
    }
    if end < html.len()
        && let Some(lt) = html[pos..end].rfind('<')
        && lt > 0
    {
        return pos + lt;
    }
    end
}

/// html5ever's view of the arena.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    line: Cell<u32>,
    work: Rc<Cell<u64>>,
}

/// An element's name as the tree builder asks for it (atoms clone cheaply).
#[derive(Debug)]
pub(crate) struct Name {
    ns: Namespace,
    local: LocalName,
}

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.local
    }
}

impl Sink {
    fn push(&self, data: Data) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        let id = nodes.len() as NodeId;
        nodes.push(Node::new(data, self.line.get()));
        id
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &nodes[id as usize];
            (n.parent, n.prev, n.next)
        };
        if parent == NONE {
            return;
        }
        if prev != NONE {
            nodes[prev as usize].next = next;
        } else {
            nodes[parent as usize].first_child = next;
        }
        if next != NONE {
            nodes[next as usize].prev = prev;
        } else {
            nodes[parent as usize].last_child = prev;
        }
        let n = &mut nodes[id as usize];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    fn append_child(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        Sink::detach(nodes, child);
        let last = nodes[parent as usize].last_child;
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev = last;
        }
        if last != NONE {
            nodes[last as usize].next = child;
        } else {
            nodes[parent as usize].first_child = child;
        }
        nodes[parent as usize].last_child = child;
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        Sink::detach(nodes, child);
        let (parent, prev) = {
            let s = &nodes[sibling as usize];
            (s.parent, s.prev)
        };
        if parent == NONE {
            return;
        }
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev = prev;
            c.next = sibling;
        }
        nodes[sibling as usize].prev = child;
        if prev != NONE {
            nodes[prev as usize].next = child;
        } else {
            nodes[parent as usize].first_child = child;
        }
    }

    /// Appends `text` to the text node `id` when it is one.
    fn extend_text(nodes: &mut [Node], id: NodeId, text: &StrTendril) -> bool {
        if id == NONE {
            return false;
        }
        if let Data::Text(t) = &mut nodes[id as usize].data {
            t.push_tendril(text);
            return true;
        }
        false
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
            warnings: Vec::new(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name(&self, target: &NodeId) -> Name {
        self.work.set(self.work.get() + 1);
        let nodes = self.nodes.borrow();
        match &nodes[*target as usize].data {
            Data::Element(e) => Name {
                ns: if e.html { ns!(html) } else { ns!() },
                local: e.name.clone(),
            },
            _ => Name {
                ns: ns!(),
                local: LocalName::from(""),
            },
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let template = if flags.template {
            self.push(Data::Other)
        } else {
            NONE
        };
        self.push(Data::Element(Element {
            html: name.ns == ns!(html),
            name: name.local,
            attrs: attrs.into_iter().map(|a| (a.name.local, a.value)).collect(),
            template,
        }))
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(Data::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(id) => {
                Sink::append_child(&mut self.nodes.borrow_mut(), *parent, id);
            }
            NodeOrText::AppendText(text) => {
                let last = self.nodes.borrow()[*parent as usize].last_child;
                if !Sink::extend_text(&mut self.nodes.borrow_mut(), last, &text) {
                    let id = self.push(Data::Text(text));
                    Sink::append_child(&mut self.nodes.borrow_mut(), *parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if self.nodes.borrow()[*element as usize].parent != NONE {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        match &self.nodes.borrow()[*target as usize].data {
            Data::Element(e) if e.template != NONE => e.template,
            _ => *target,
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        match new_node {
            NodeOrText::AppendNode(id) => {
                Sink::insert_before(&mut self.nodes.borrow_mut(), *sibling, id);
            }
            NodeOrText::AppendText(text) => {
                let prev = self.nodes.borrow()[*sibling as usize].prev;
                if !Sink::extend_text(&mut self.nodes.borrow_mut(), prev, &text) {
                    let id = self.push(Data::Text(text));
                    Sink::insert_before(&mut self.nodes.borrow_mut(), *sibling, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        if let Data::Element(e) = &mut self.nodes.borrow_mut()[*target as usize].data {
            for a in attrs {
                if !e.attrs.iter().any(|(n, _)| *n == a.name.local) {
                    e.attrs.push((a.name.local, a.value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Sink::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node as usize].first_child;
        while child != NONE {
            let next = nodes[child as usize].next;
            Sink::append_child(&mut nodes, *new_parent, child);
            child = next;
        }
    }

    fn set_current_line(&self, line: u64) {
        self.line.set(line.min(u32::MAX as u64) as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_html5_tree() {
        let dom = parse("<title>T</title><p>one<p>two <b>bold</b></p><table><td>cell</table>");
        let body = dom.body();
        let names: Vec<&str> = dom.children(body).map(|c| dom.name(c)).collect();
        assert_eq!(names, ["p", "p", "table"]);
        assert_eq!(dom.text_of(body), "onetwo boldcell");
        let head = dom.head().unwrap();
        assert_eq!(dom.text_of(head), "T");
        assert!(dom.warnings.is_empty());
    }

    #[test]
    fn misnested_markup_is_repaired_as_browsers_do() {
        let dom = parse("<p><b>a<i>b</b>c</i>d");
        assert_eq!(dom.text_of(dom.body()), "abcd");
        let dom = parse("<table><tr><td>x</td></tr>stray</table>");
        // foster parenting puts the stray text before the table
        let first = dom.children(dom.body()).next().unwrap();
        assert!(matches!(&dom.node(first).data, Data::Text(t) if &**t == "stray"));
    }

    #[test]
    fn lines_are_those_of_the_start_tags() {
        let dom = parse("<html>\n<body>\n<div>\n<p>x</p></div>");
        let p = dom.find(dom.body(), "p").unwrap();
        assert_eq!(dom.node(p).line, 4);
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let depth = 100_000;
        let html = "<div>".repeat(depth) + "deep" + &"</div>".repeat(depth);
        let started = std::time::Instant::now();
        let dom = parse(&html);
        assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
        assert_eq!(dom.warnings.len(), 1, "{:?}", dom.warnings);
        // walking the tree does not recurse
        assert!(dom.descendants(DOCUMENT).count() > 100);
    }
}
