//! # copydesk
//!
//! copydesk cleans up news corpora the way a newsroom's copy desk cleans copy. Given
//! articles as they really arrive (scraped plain text full of page residue, JSON or JSONL
//! records), it
//!
//! 1. **parses** each article into structure ([`article`]): blocks of text with their kind
//!    and their exact span in the input;
//! 2. finds **near-duplicate passages** within and across articles ([`dedup`]);
//! 3. resolves **dates** against the publication date ([`dates`]).
//!
//! Everything copydesk reports carries a [`text::Span`]: a byte range into the input, so
//! `&input[span.range()]` is the piece, and nothing is reported that cannot be found again.
//!
//! ## Reading and parsing
//!
//! ```
//! use copydesk::article::{self, BlockKind};
//!
//! let text = "Talks are under way.\n\nOfficials are targeting May or June.";
//! let a = article::parse(text);
//! assert_eq!(a.blocks.len(), 2);
//! assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
//! assert_eq!(&text[a.blocks[1].span.range()], "Officials are targeting May or June.");
//! ```
//!
//! Files, directories, JSON and JSONL records are read by [`corpus::read`], which takes
//! publication dates from a `manifest.jsonl` beside the files and reports every unreadable
//! file or record as an error naming it, without stopping.
//!
//! ## Near-duplicate passages
//!
//! ```
//! use copydesk::article;
//! use copydesk::dedup::{self, Options};
//!
//! let wire = article::parse("Officials are eyeing late May or June for the summit to take place.");
//! let retold = article::parse("A new lede.\n\nOfficials are eyeing late May or June for the summit to take place, CNN said.");
//! let result = dedup::dedupe([wire, retold], &Options::default())?;
//! let cluster = &result.clusters()[0];
//! assert_eq!(cluster.size(), 2);
//! assert!(cluster.members[1].similarity >= 0.8); // verified on the shingle sets
//! # Ok::<(), copydesk::Error>(())
//! ```
//!
//! See [`dedup`] for the units, the similarity, the engine and the memory it takes.
//!
//! ## Dates
//!
//! ```
//! use copydesk::dates;
//! use jiff::civil::date;
//!
//! let text = "CNN reported Saturday that the conflict broke out 68 years ago.";
//! let found = dates::find(text, Some(date(2018, 4, 17)));
//! assert_eq!(found[0].text(text), "Saturday");
//! assert_eq!(found[0].value, "2018-04-14");
//! assert_eq!(found[1].value, "1950");
//! ```
//!
//! For a parsed article, [`dates::find_in_article`] uses its publication date and skips page
//! residue; [`dates::timeml`] reads and writes TimeML.
//!
//! ## Text primitives
//!
//! ```
//! use copydesk::text::{normalize, sentences};
//!
//! let text = "Mr. Pompeo met Kim. “We’ll see what happens,” Trump said.";
//! assert_eq!(sentences(text).len(), 2);
//! assert_eq!(normalize("“We’ll  SEE”"), "\"we'll see\"");
//! ```
//!
//! ## Errors
//!
//! Fallible functions return [`Result`], whose [`Error`] names the file (and line) and says
//! what to do. copydesk does not panic on any input.

#![warn(missing_docs)]
// No input can make copydesk panic: outside tests, no unwrap, expect, panic or unchecked
// index. Where an index is safe by construction, use a checked form or allow the lint
// locally with a comment that says why.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod article;
pub mod corpus;
pub mod dates;
pub mod dedup;
mod error;
pub mod html;
mod shared;
pub mod text;

pub use error::{Error, ErrorKind, Result};

/// The README's Rust examples, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
