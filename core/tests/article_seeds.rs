//! Parsing the five seed articles (`seeds/`): one test per point of issue 3's list of
//! what must come out right, plus the invariants on every seed.

mod support;

use copydesk::article::{self, Article, BlockKind, Reason};
use copydesk::corpus::{self, ReadOptions};

fn seeds() -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds");
    let docs: Vec<_> = corpus::read(&[dir], &ReadOptions::default())
        .map(|d| d.expect("every seed reads"))
        .collect();
    assert_eq!(docs.len(), 5);
    article::parse_batch(docs)
}

fn seed(prefix: &str) -> Article {
    seeds()
        .into_iter()
        .find(|a| a.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

/// The blocks whose text is `text`, as `(index, kind, reason, repeat_of)`.
fn blocks_with(a: &Article, text: &str) -> Vec<(usize, BlockKind, Option<Reason>, Option<usize>)> {
    a.blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| a.block_text(b) == text)
        .map(|(i, b)| (i, b.kind, b.reason, b.repeat_of))
        .collect()
}

/// The one block whose text is `text`.
fn kind_of(a: &Article, text: &str) -> BlockKind {
    let found = blocks_with(a, text);
    assert_eq!(found.len(), 1, "{text:?} should be one block: {found:?}");
    found[0].1
}

/// The quotes of `a` as `(start of the quoted words, speaker, verb)`.
fn quotes(a: &Article) -> Vec<(String, Option<String>, Option<String>)> {
    a.quotes
        .iter()
        .map(|q| {
            (
                a.quote_text(q).chars().take(30).collect(),
                a.speaker(q).map(str::to_owned),
                a.verb(q).map(str::to_owned),
            )
        })
        .collect()
}

fn has_quote(a: &Article, starts: &str, speaker: &str) -> bool {
    quotes(a)
        .iter()
        .any(|(t, s, _)| t.starts_with(starts) && s.as_deref() == Some(speaker))
}

#[test]
fn every_seed_keeps_the_invariants() {
    for a in seeds() {
        support::check_invariants(&a).unwrap_or_else(|e| panic!("{}: {e}", a.id));
    }
}

#[test]
fn seeds_take_their_dates_from_the_manifest() {
    let dates: Vec<String> = seeds()
        .iter()
        .map(|a| {
            a.published
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        dates,
        [
            "2018-04-08",
            "2018-04-17",
            "2018-04-07",
            "2018-04-18",
            "2024-11-26"
        ]
    );
}

#[test]
fn seed_001_residue_title_dek_captions_credit() {
    let a = seed("001");
    for residue in ["clock menu more-arrow no yes mobile", "Filed under:"] {
        assert_eq!(kind_of(&a, residue), BlockKind::Boilerplate, "{residue}");
    }
    assert_eq!(
        a.title(),
        Some("Trump says US and North Korea speaking at “extremely high levels”")
    );
    assert_eq!(kind_of(&a, "This would be big."), BlockKind::Dek);
    let caption = "President Donald Trump says the US and North Korea are holding extremely high level talks, possibly with Kim Jong Un.";
    let copies = blocks_with(&a, caption);
    assert_eq!(copies.len(), 2, "{copies:?}");
    assert!(copies.iter().all(|c| c.1 == BlockKind::Caption));
    assert_eq!(copies[0].3, None);
    assert_eq!(
        copies[1].3,
        Some(copies[0].0),
        "the second copy is a repeat"
    );
    assert_eq!(kind_of(&a, "Joe Raedle/Getty Images"), BlockKind::Credit);
}

#[test]
fn seed_003_captions_credits_headings_source_tag() {
    let a = seed("003");
    assert_eq!(
        a.title(),
        Some("CIA director had secret meeting with Kim Jong-un in North Korea")
    );
    assert_eq!(
        kind_of(
            &a,
            "Mike Pompeo travelled to lay groundwork for talks with Donald Trump, president confirms"
        ),
        BlockKind::Dek
    );
    let captions: Vec<_> = a.blocks_of(BlockKind::Caption).collect();
    assert_eq!(captions.len(), 4, "two captions, each printed twice");
    for (i, b) in &captions {
        let text = a.block_text(b);
        assert!(!text.contains("Photograph:"), "credit split off: {text}");
        assert_eq!(
            a.blocks.get(i + 1).map(|n| n.kind),
            Some(BlockKind::Credit),
            "a credit follows {text}"
        );
    }
    assert_eq!(captions[1].1.repeat_of, Some(captions[0].0));
    assert_eq!(captions[3].1.repeat_of, Some(captions[2].0));
    let credits: Vec<&str> = a
        .blocks_of(BlockKind::Credit)
        .map(|(_, b)| a.block_text(b))
        .collect();
    assert_eq!(
        credits,
        [
            "Photograph: Jim Watson/AFP/Getty Images",
            "Photograph: Jim Watson/AFP/Getty Images",
            "Photograph: KCNA VIA KNS/AFP/Getty Images",
            "Photograph: KCNA VIA KNS/AFP/Getty Images"
        ]
    );
    let read_more = blocks_with(&a, "READ MORE");
    assert_eq!(
        read_more.iter().map(|b| (b.1, b.2)).collect::<Vec<_>>(),
        [(BlockKind::Boilerplate, Some(Reason::ReadMore))]
    );
    assert_eq!(kind_of(&a, "Direct contacts"), BlockKind::Heading);
    assert_eq!(kind_of(&a, "Peace treaty"), BlockKind::Heading);
    let last = a.blocks.last().expect("blocks");
    assert_eq!(
        (last.kind, a.block_text(last)),
        (BlockKind::SourceTag, "– Guardian")
    );
    let last_para = a
        .blocks_of(BlockKind::Paragraph)
        .last()
        .expect("paragraphs");
    assert!(!a.block_text(last_para.1).contains("Guardian"));
}

#[test]
fn seed_002_no_title_copyright_is_boilerplate() {
    let a = seed("002");
    assert_eq!(a.title(), None);
    let first = &a.blocks[0];
    assert_eq!(first.kind, BlockKind::Paragraph);
    assert!(
        a.block_text(first)
            .starts_with("The U.S. and North Korea are engaged")
    );
    let last = a.blocks.last().expect("blocks");
    assert_eq!(last.kind, BlockKind::Boilerplate);
    assert_eq!(last.reason, Some(Reason::Copyright));
    assert!(a.block_text(last).starts_with('©'));
}

#[test]
fn seed_004_residue_headings_dialogue_quotes() {
    let a = seed("004");
    let now = blocks_with(&a, "Now watching");
    assert_eq!(now.len(), 1);
    assert_eq!(
        (now[0].1, now[0].2),
        (BlockKind::Boilerplate, Some(Reason::Video))
    );
    assert_eq!(
        kind_of(&a, "Trump's direct talks with Kim Jong-un"),
        BlockKind::Heading
    );
    assert_eq!(
        kind_of(&a, "Rising Tensions Between North Korea and the US"),
        BlockKind::Heading
    );
    assert_eq!(a.blocks_of(BlockKind::Heading).count(), 2);
    assert!(
        has_quote(&a, "We have already gone as far", "Kim Jong-un"),
        "{:?}",
        quotes(&a)
    );
    assert!(
        has_quote(&a, "As deputy special representat", "Trump"),
        "{:?}",
        quotes(&a)
    );
    let hagerty = quotes(&a)
        .into_iter()
        .find(|(t, _, _)| t.starts_with("My experience with President"))
        .expect("Hagerty's quote");
    assert!(
        hagerty
            .1
            .as_deref()
            .is_some_and(|s| s.ends_with("Bill Hagerty")),
        "{hagerty:?}"
    );
}

#[test]
fn seed_000_title_kicker_quotes() {
    let a = seed("000");
    assert_eq!(
        a.title(),
        Some("Report: US, North Korea begin secret talks ahead of planned Trump-Kim meeting")
    );
    assert_eq!(kind_of(&a, "Impact"), BlockKind::Kicker);
    assert!(has_quote(&a, "Great progress being made", "Donald Trump"));
    assert!(has_quote(&a, "Meeting being planned!", "Donald Trump"));
    assert!(has_quote(&a, "The stakes are very high", "Jenny Town"));
    assert!(has_quote(
        &a,
        "Bolton over and over again",
        "Alexandra Bell"
    ));
    let verbs: Vec<Option<String>> = quotes(&a).into_iter().map(|q| q.2).collect();
    assert_eq!(verbs[0].as_deref(), Some("tweeted"));
}

/// Speakers as entities: a pronoun is the person the paragraph or the article named before
/// (`he` for Troy Stangarone, named in the sentence before; `he` for Trump, the paragraph's
/// subject, not Kim, named nearer), and every way of naming one person is one speaker with
/// the fullest name (`Mr Trump`, `the president`: Donald Trump). Scare quotes and names
/// are terms, never attributed.
#[test]
fn seed_quotes_speakers_are_entities() {
    use copydesk::article::QuoteKind;
    let a = seed("001");
    assert!(
        has_quote(&a, "I assume he means on the intel", "Troy Stangarone"),
        "{:?}",
        quotes(&a)
    );
    assert!(
        has_quote(&a, "I really believe there’s a lot", "Donald Trump"),
        "{:?}",
        quotes(&a)
    );
    assert!(
        has_quote(&a, "extremely high level", "Donald Trump"),
        "{:?}",
        quotes(&a)
    );
    let b = seed("003");
    for (starts, who) in [
        ("Mike Pompeo met with Kim Jong", "Donald Trump"),
        ("It’s possible things won’t go", "Donald Trump"),
        ("They do have my blessing", "Donald Trump"),
        ("My understanding is that it i", "James Schoff"),
        ("We do not comment on the CIA", "a White House spokesman"),
    ] {
        assert!(has_quote(&b, starts, who), "{starts}: {:?}", quotes(&b));
    }
    let blessing = b
        .quotes
        .iter()
        .find(|q| b.quote_text(q) == "blessing")
        .expect("the scare quote");
    assert_eq!(blessing.kind, QuoteKind::Term);
    assert_eq!(b.speaker(blessing), None);
    let trump: Vec<_> = b
        .quotes
        .iter()
        .filter(|q| b.speaker(q) == Some("Donald Trump"))
        .filter_map(|q| q.speaker)
        .collect();
    assert!(trump.len() >= 6 && trump.iter().all(|&s| s == trump[0]));
}
