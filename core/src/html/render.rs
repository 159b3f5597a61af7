//! The page's visible text, as a browser's "select all, copy" gives it, cut into blocks.
//!
//! The text is the HTML standard's `innerText` of the page under the default stylesheet
//! (the rules of `shared/tools/render_visible_text.py`, which makes the text that
//! copydesk's plain-text path reads): block elements start and end lines, `<p>` asks for
//! a blank line, table cells are joined by tabs, white space collapses outside `<pre>`,
//! and what is not rendered (`<head>`, scripts, styles, `hidden`, `display:none`...) is
//! left out. So a page gives the same text whether it arrives as HTML or copied.
//!
//! Each run of text between two block boundaries is a [`RawBlock`]: its span in the text,
//! the innermost block element it lies in, and how much of it is link text. A single
//! `<br>` stays inside a block (an address, a poem); a blank line ends it.

use super::dom::{Data, Dom, NONE, NodeId};
use crate::text::Span;

/// Elements whose contents are not rendered.
const HIDDEN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "video", "audio", "canvas", "map", "select", "datalist", "textarea", "title", "noembed",
    "noframes", "frameset", "dialog",
];

/// Elements that start and end a line.
const BLOCK: &[&str] = &[
    "html",
    "body",
    "address",
    "blockquote",
    "center",
    "div",
    "figure",
    "figcaption",
    "footer",
    "form",
    "header",
    "hr",
    "legend",
    "listing",
    "main",
    "p",
    "plaintext",
    "pre",
    "search",
    "xmp",
    "article",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "nav",
    "section",
    "dir",
    "dd",
    "dl",
    "dt",
    "menu",
    "ol",
    "ul",
    "li",
    "table",
    "caption",
    "details",
    "summary",
    "fieldset",
    "optgroup",
    "option",
    "tbody",
    "thead",
    "tfoot",
];

/// Elements whose white space is kept.
const PRE: &[&str] = &["pre", "listing", "xmp", "plaintext"];

/// One run of visible text between block boundaries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawBlock {
    /// Where it is in [`Rendered::text`].
    pub(crate) span: Span,
    /// The innermost block element (or table row) it lies in.
    pub(crate) owner: NodeId,
    /// Characters other than white space.
    pub(crate) chars: u32,
    /// Of those, the characters inside links.
    pub(crate) link_chars: u32,
    /// The links it holds text of.
    pub(crate) links: u32,
}

/// The visible text of a page and its blocks, in order.
#[derive(Debug, Default)]
pub(crate) struct Rendered {
    pub(crate) text: String,
    pub(crate) blocks: Vec<RawBlock>,
}

/// Whether element `id` is block-level for rendering.
pub(crate) fn is_block(dom: &Dom, id: NodeId) -> bool {
    let name = dom.name(id);
    BLOCK.contains(&name) || name == "tr"
}

fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    let Some(e) = dom.element(id) else {
        return false;
    };
    if HIDDEN.contains(&&*e.name) || e.attr("hidden").is_some() {
        return true;
    }
    if &*e.name == "input"
        && e.attr("type")
            .is_some_and(|t| t.eq_ignore_ascii_case("hidden"))
    {
        return true;
    }
    e.attr("style").is_some_and(hides)
}

/// Whether an inline style says `display: none` or `visibility: hidden`.
fn hides(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let prop = prop.trim().to_ascii_lowercase();
        let value = value
            .trim()
            .trim_end_matches("!important")
            .trim()
            .to_ascii_lowercase();
        (prop == "display" && value == "none") || (prop == "visibility" && value == "hidden")
    })
}

/// The block being assembled.
#[derive(Default)]
struct Current {
    text: String,
    owner: Option<NodeId>,
    chars: u32,
    link_chars: u32,
    links: u32,
}

struct Renderer<'d> {
    dom: &'d Dom,
    out: Rendered,
    cur: Current,
    pending: usize,
    pre: usize,
    links: usize,
    link_started: bool,
    rows: Vec<usize>,
    blocks: Vec<NodeId>,
}

impl Renderer<'_> {
    fn brk(&mut self, n: usize) {
        self.flush();
        self.pending = self.pending.max(n);
    }

    fn push_text(&mut self, s: &str, pre: bool) {
        if s.is_empty() {
            return;
        }
        if self.cur.owner.is_none() {
            self.cur.owner = Some(*self.blocks.last().unwrap_or(&NONE));
        }
        if pre {
            self.cur.text.push_str(s);
        } else {
            for c in s.chars() {
                if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                    // white space collapses, across inline boundaries too
                    if !self.cur.text.is_empty() && !self.cur.text.ends_with([' ', '\n']) {
                        self.cur.text.push(' ');
                    }
                } else {
                    self.cur.text.push(c);
                }
            }
        }
        let visible = s.chars().filter(|c| !c.is_whitespace()).count() as u32;
        self.cur.chars += visible;
        if self.links > 0 && visible > 0 {
            self.cur.link_chars += visible;
            if self.link_started {
                self.cur.links += 1;
                self.link_started = false;
            }
        }
    }

    fn flush(&mut self) {
        let cur = std::mem::take(&mut self.cur);
        if cur.chars == 0 {
            return;
        }
        let owner = cur.owner.unwrap_or(NONE);
        // lines stripped of their spaces; a blank line (two <br>) ends a block
        let lines: Vec<&str> = cur
            .text
            .split('\n')
            .map(|l| l.trim_matches(' ').trim_end_matches([' ', '\t']))
            .collect();
        let mut groups: Vec<Vec<&str>> = vec![Vec::new()];
        for line in lines {
            if line.trim().is_empty() {
                if groups.last().is_some_and(|g| !g.is_empty()) {
                    groups.push(Vec::new());
                }
            } else if let Some(g) = groups.last_mut() {
                g.push(line);
            }
        }
        groups.retain(|g| !g.is_empty());
        let n = groups.len() as u32;
        for (i, group) in groups.into_iter().enumerate() {
            let breaks = if i == 0 { self.pending.max(1) } else { 2 };
            if !self.out.text.is_empty() {
                for _ in 0..breaks {
                    self.out.text.push('\n');
                }
            }
            let start = self.out.text.len();
            for (j, line) in group.iter().enumerate() {
                if j > 0 {
                    self.out.text.push('\n');
                }
                self.out.text.push_str(line);
            }
            // the text keeps no-break spaces and tabs as a copy does; the block does not
            let span = Span::new(start, self.out.text.len()).trim(&self.out.text);
            if span.is_empty() {
                continue;
            }
            let chars = span
                .slice(&self.out.text)
                .chars()
                .filter(|c| !c.is_whitespace())
                .count() as u32;
            let share = |x: u32| {
                if n == 1 {
                    x
                } else {
                    (x as u64 * chars as u64 / cur.chars.max(1) as u64) as u32
                }
            };
            self.out.blocks.push(RawBlock {
                span,
                owner,
                chars,
                link_chars: share(cur.link_chars).min(chars),
                links: if n == 1 { cur.links } else { share(cur.links) },
            });
        }
        self.pending = 0;
    }
}

enum Step {
    Enter(NodeId),
    Exit(NodeId),
}

/// Renders the page's body (or the whole document when it has no body).
pub(crate) fn render(dom: &Dom) -> Rendered {
    let mut r = Renderer {
        dom,
        out: Rendered::default(),
        cur: Current::default(),
        pending: 0,
        pre: 0,
        links: 0,
        link_started: false,
        rows: Vec::new(),
        blocks: Vec::new(),
    };
    let mut stack = vec![Step::Enter(dom.body())];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(id) => {
                let node = dom.node(id);
                match &node.data {
                    Data::Text(t) => {
                        let pre = r.pre > 0;
                        r.push_text(t, pre);
                        continue;
                    }
                    Data::Other => continue,
                    Data::Document => {}
                    Data::Element(_) => {
                        if is_hidden(dom, id) {
                            continue;
                        }
                        if !enter(&mut r, id) {
                            continue;
                        }
                    }
                }
                stack.push(Step::Exit(id));
                let mut children: Vec<NodeId> = r.dom.children(id).collect();
                children.reverse();
                stack.extend(children.into_iter().map(Step::Enter));
            }
            Step::Exit(id) => exit(&mut r, id),
        }
    }
    r.flush();
    r.out
}

/// Opens element `id`; false when it has no contents to walk (a `<br>`).
fn enter(r: &mut Renderer<'_>, id: NodeId) -> bool {
    let name = r.dom.name(id);
    match name {
        "br" => {
            r.push_text("\n", true);
            return false;
        }
        "tr" => {
            r.brk(1);
            r.rows.push(0);
        }
        "td" | "th" => {
            if let Some(cells) = r.rows.last_mut() {
                *cells += 1;
                if *cells > 1 {
                    r.push_text("\t", true);
                }
            }
        }
        "p" => r.brk(2),
        "a" => {
            r.links += 1;
            r.link_started = true;
        }
        _ if BLOCK.contains(&name) => r.brk(1),
        _ => {}
    }
    if PRE.contains(&name) {
        r.pre += 1;
    }
    if is_block(r.dom, id) {
        r.blocks.push(id);
    }
    true
}

fn exit(r: &mut Renderer<'_>, id: NodeId) {
    let name = r.dom.name(id);
    match name {
        "tr" => {
            r.rows.pop();
            r.brk(1);
        }
        "table" => {
            r.brk(1);
            r.rows.clear();
        }
        "p" => r.brk(2),
        "a" => r.links = r.links.saturating_sub(1),
        _ if BLOCK.contains(&name) => r.brk(1),
        _ => {}
    }
    if PRE.contains(&name) {
        r.pre = r.pre.saturating_sub(1);
    }
    if is_block(r.dom, id) {
        r.blocks.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::super::dom;
    use super::*;

    fn text(html: &str) -> String {
        render(&dom::parse(html)).text
    }

    #[test]
    fn renders_inner_text() {
        assert_eq!(
            text("<p>One  <b>two</b>\n three</p><p>Four</p>"),
            "One two three\n\nFour"
        );
        assert_eq!(text("<div>a</div><div>b</div>"), "a\nb");
        assert_eq!(text("<ul><li>x<li>y</ul>z"), "x\ny\nz");
        assert_eq!(
            text("<table><tr><td>a<td>b</tr><tr><td>c</table>"),
            "a\tb\nc"
        );
        // as innerText copies give it: the spaces at line starts go, in <pre> too
        assert_eq!(text("<pre>a  b\n c</pre>"), "a  b\nc");
        assert_eq!(
            text(
                "<p>x<script>var a</script><span hidden>no</span><i style='display: none'>no</i>y"
            ),
            "xy"
        );
        assert_eq!(text("<head><title>T</title></head><p>body"), "body");
    }

    #[test]
    fn a_single_break_stays_in_the_block_and_a_blank_line_ends_it() {
        let r = render(&dom::parse("<p>line one<br>line two<br><br>next</p>"));
        assert_eq!(r.text, "line one\nline two\n\nnext");
        let blocks: Vec<&str> = r.blocks.iter().map(|b| b.span.slice(&r.text)).collect();
        assert_eq!(blocks, ["line one\nline two", "next"]);
    }

    #[test]
    fn counts_link_text() {
        let r = render(&dom::parse(
            "<p>Read <a href=x>this story</a> and <a>that</a></p>",
        ));
        let b = &r.blocks[0];
        assert_eq!((b.chars, b.link_chars, b.links), (20, 13, 2));
        assert_eq!(r.dom_owner_name(&dom::parse("<p>x</p>")), "p");
    }

    impl Rendered {
        fn dom_owner_name(&self, dom: &Dom) -> String {
            let r = render(dom);
            dom.name(r.blocks[0].owner).to_string()
        }
    }
}
