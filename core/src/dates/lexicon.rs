//! The words of temporal expressions: month and weekday names, number words, calendar units,
//! seasons, parts of the day, holidays, and the function words the grammar needs
//! (`last`, `ago`, `early`, `every`...).
//!
//! Every entry is a lower-case ASCII word. A word may play several roles ("second" is an
//! ordinal and a unit, "may" a month and a modal verb); the grammar decides which from the
//! context.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::shared::{FnvBuild, MONTHS};

/// A calendar or clock unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Unit {
    #[default]
    None,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
    /// "weekend": a unit for "last weekend", "the weekend".
    Weekend,
}

impl Unit {
    pub(crate) fn is_some(self) -> bool {
        self != Unit::None
    }
}

/// A season, as TIMEX3 writes it: `SP`, `SU`, `FA`, `WI`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// A part of the day, as TIMEX3 writes it: `MO`, `MI` (midday), `AF`, `EV`, `NI`, `DT`
/// (daytime).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pod {
    Morning,
    Afternoon,
    Evening,
    Night,
    Daytime,
}

impl Pod {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Pod::Morning => "MO",
            Pod::Afternoon => "AF",
            Pod::Evening => "EV",
            Pod::Night => "NI",
            Pod::Daytime => "DT",
        }
    }
}

/// Holidays whose date a rule fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// Easter Sunday, by the Gregorian computus.
    Easter,
    GoodFriday,
    EasterMonday,
    Christmas,
    ChristmasEve,
    BoxingDay,
    NewYearsDay,
    NewYearsEve,
    /// US: fourth Thursday of November.
    Thanksgiving,
    /// US: last Monday of May.
    MemorialDay,
    /// US: first Monday of September.
    LaborDay,
    /// US: July 4.
    IndependenceDay,
    Halloween,
    ValentinesDay,
    /// US: third Monday of January.
    MlkDay,
    /// US: third Monday of February.
    PresidentsDay,
    /// US: November 11.
    VeteransDay,
    /// US: second Monday of October.
    ColumbusDay,
    /// US: the Tuesday after the first Monday of November.
    ElectionDay,
    StPatricksDay,
}

/// The grammatical role of a function word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum W {
    #[default]
    None,
    The,
    A,
    This,
    That,
    These,
    Last,
    Next,
    Past,
    Previous,
    Coming,
    Following,
    Current,
    Recent,
    Latest,
    Same,
    Ago,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    Middle,
    Beginning,
    Start,
    End,
    Of,
    From,
    To,
    Until,
    Through,
    Between,
    And,
    Or,
    In,
    On,
    At,
    Since,
    For,
    Every,
    Each,
    Per,
    Few,
    Several,
    Some,
    Couple,
    Many,
    About,
    Around,
    Approximately,
    Nearly,
    Almost,
    More,
    Less,
    Than,
    Over,
    Under,
    Least,
    Most,
    Up,
    Within,
    Half,
    Fiscal,
    Now,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Overnight,
    Recently,
    Currently,
    Future,
    Soon,
    Previously,
    Formerly,
    Nowadays,
    Present,
    Moment,
    Time,
    Period,
    Century,
    Noon,
    Midnight,
    Midday,
    Am,
    Pm,
    Zone,
    Daily,
    Weekly,
    Monthly,
    Yearly,
    Quarterly,
    Hourly,
    Once,
    Twice,
    Thrice,
    Times,
    Hence,
    Ahead,
    Before,
    After,
    Long,
    Term,
    Near,
    Full,
    Whole,
    Entire,
    Day,
    Eve,
    New,
    Year,
    Old,
    Then,
    Other,
    Another,
    Additional,
    Further,
    Decades,
}

/// Everything the lexicon knows of one word.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Lex {
    /// Function-word role.
    pub w: W,
    /// Month 1-12.
    pub month: u8,
    /// `true` when `month` comes from an abbreviation (`Jan`, `Sept`).
    pub month_abbr: bool,
    /// Weekday 1-7 (Monday = 1).
    pub weekday: u8,
    /// `true` when `weekday` comes from an abbreviation (`Fri`).
    pub weekday_abbr: bool,
    /// Plural weekday ("Mondays").
    pub weekday_plural: bool,
    /// Cardinal number word value (`one` = 1 ... `thousand` = 1000).
    pub num: u32,
    /// Ordinal word value (`first` = 1 ... `thirty-first`).
    pub ord: u8,
    /// Calendar unit, singular or plural.
    pub unit: Unit,
    /// The unit word is plural ("years").
    pub plural: bool,
    pub season: Option<Season>,
    pub pod: Option<Pod>,
    pub holiday: Option<Holiday>,
    /// A zone abbreviation's offset from UTC in minutes, when `w` is `Zone`.
    pub zone: i16,
}

impl Lex {
    /// True when the word can open or continue a temporal expression.
    pub(crate) fn is_empty(&self) -> bool {
        self.w == W::None
            && self.month == 0
            && self.weekday == 0
            && self.num == 0
            && self.ord == 0
            && !self.unit.is_some()
            && self.season.is_none()
            && self.pod.is_none()
            && self.holiday.is_none()
    }
}

type Table = HashMap<&'static str, Lex, FnvBuild>;

static TABLE: LazyLock<Table> = LazyLock::new(build);

/// Looks up a lower-case word.
pub(crate) fn lookup(lower: &str) -> Option<&'static Lex> {
    TABLE.get(lower)
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

const ORDINALS: [&str; 20] = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

fn build() -> Table {
    let mut t = Table::default();
    let mut put = |word: &'static str, f: &dyn Fn(&mut Lex)| {
        f(t.entry(word).or_default());
    };

    for (i, name) in MONTHS.iter().enumerate() {
        let m = i as u8 + 1;
        put(name, &|l| l.month = m);
    }
    for (abbr, m) in [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ] {
        put(abbr, &|l| {
            l.month = m;
            l.month_abbr = true;
        });
    }
    for (i, name) in WEEKDAYS.iter().enumerate() {
        let d = i as u8 + 1;
        put(name, &|l| l.weekday = d);
    }
    for (i, name) in [
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
        "saturdays",
        "sundays",
    ]
    .into_iter()
    .enumerate()
    {
        let d = i as u8 + 1;
        put(name, &|l| {
            l.weekday = d;
            l.weekday_plural = true;
        });
    }
    for (abbr, d) in [
        ("mon", 1),
        ("tue", 2),
        ("tues", 2),
        ("wed", 3),
        ("thu", 4),
        ("thur", 4),
        ("thurs", 4),
        ("fri", 5),
        ("sat", 6),
        ("sun", 7),
    ] {
        put(abbr, &|l| {
            l.weekday = d;
            l.weekday_abbr = true;
        });
    }

    for (i, name) in ONES.iter().enumerate().skip(1) {
        let n = i as u32;
        put(name, &|l| l.num = n);
    }
    for (i, name) in TENS.iter().enumerate().skip(2) {
        let n = i as u32 * 10;
        put(name, &|l| l.num = n);
    }
    put("hundred", &|l| l.num = 100);
    put("thousand", &|l| l.num = 1000);
    put("dozen", &|l| l.num = 12);
    for (i, name) in ORDINALS.iter().enumerate().skip(1) {
        let n = i as u8;
        put(name, &|l| l.ord = n);
    }
    for (name, n) in [
        ("twentieth", 20),
        ("thirtieth", 30),
        ("fortieth", 40),
        ("fiftieth", 50),
        ("sixtieth", 60),
        ("seventieth", 70),
        ("eightieth", 80),
        ("ninetieth", 90),
        ("hundredth", 100),
    ] {
        put(name, &|l| l.ord = n);
    }

    for (name, unit, plural) in [
        ("second", Unit::Second, false),
        ("seconds", Unit::Second, true),
        ("minute", Unit::Minute, false),
        ("minutes", Unit::Minute, true),
        ("min", Unit::Minute, false),
        ("mins", Unit::Minute, true),
        ("hour", Unit::Hour, false),
        ("hours", Unit::Hour, true),
        ("hr", Unit::Hour, false),
        ("hrs", Unit::Hour, true),
        ("day", Unit::Day, false),
        ("days", Unit::Day, true),
        ("week", Unit::Week, false),
        ("weeks", Unit::Week, true),
        ("fortnight", Unit::Fortnight, false),
        ("fortnights", Unit::Fortnight, true),
        ("month", Unit::Month, false),
        ("months", Unit::Month, true),
        ("quarter", Unit::Quarter, false),
        ("quarters", Unit::Quarter, true),
        ("year", Unit::Year, false),
        ("years", Unit::Year, true),
        ("yr", Unit::Year, false),
        ("yrs", Unit::Year, true),
        ("decade", Unit::Decade, false),
        ("decades", Unit::Decade, true),
        ("century", Unit::Century, false),
        ("centuries", Unit::Century, true),
        ("millennium", Unit::Millennium, false),
        ("millennia", Unit::Millennium, true),
        ("weekend", Unit::Weekend, false),
        ("weekends", Unit::Weekend, true),
    ] {
        put(name, &|l| {
            l.unit = unit;
            l.plural = plural;
        });
    }

    for (name, s) in [
        ("spring", Season::Spring),
        ("summer", Season::Summer),
        ("fall", Season::Fall),
        ("autumn", Season::Fall),
        ("winter", Season::Winter),
        ("springtime", Season::Spring),
        ("summertime", Season::Summer),
        ("wintertime", Season::Winter),
    ] {
        put(name, &|l| l.season = Some(s));
    }
    for (name, p) in [
        ("morning", Pod::Morning),
        ("mornings", Pod::Morning),
        ("afternoon", Pod::Afternoon),
        ("afternoons", Pod::Afternoon),
        ("evening", Pod::Evening),
        ("evenings", Pod::Evening),
        ("night", Pod::Night),
        ("nights", Pod::Night),
        ("daytime", Pod::Daytime),
    ] {
        put(name, &|l| l.pod = Some(p));
    }
    for (name, h) in [
        ("easter", Holiday::Easter),
        ("christmas", Holiday::Christmas),
        ("xmas", Holiday::Christmas),
        ("thanksgiving", Holiday::Thanksgiving),
        ("halloween", Holiday::Halloween),
    ] {
        put(name, &|l| l.holiday = Some(h));
    }

    for (name, tz) in [
        ("gmt", 0),
        ("utc", 0),
        ("est", -300),
        ("edt", -240),
        ("cst", -360),
        ("cdt", -300),
        ("mst", -420),
        ("mdt", -360),
        ("pst", -480),
        ("pdt", -420),
        ("bst", 60),
        ("cet", 60),
        ("cest", 120),
        ("jst", 540),
    ] {
        put(name, &|l| {
            l.w = W::Zone;
            l.zone = tz;
        });
    }

    for (name, w) in [
        ("the", W::The),
        ("a", W::A),
        ("an", W::A),
        ("this", W::This),
        ("that", W::That),
        ("these", W::These),
        ("last", W::Last),
        ("next", W::Next),
        ("past", W::Past),
        ("previous", W::Previous),
        ("prior", W::Previous),
        ("preceding", W::Previous),
        ("coming", W::Coming),
        ("upcoming", W::Coming),
        ("following", W::Following),
        ("current", W::Current),
        ("recent", W::Recent),
        ("latest", W::Latest),
        ("same", W::Same),
        ("ago", W::Ago),
        ("earlier", W::Earlier),
        ("later", W::Later),
        ("early", W::Early),
        ("late", W::Late),
        ("mid", W::Mid),
        ("middle", W::Middle),
        ("beginning", W::Beginning),
        ("start", W::Start),
        ("end", W::End),
        ("close", W::End),
        ("of", W::Of),
        ("from", W::From),
        ("to", W::To),
        ("until", W::Until),
        ("till", W::Until),
        ("through", W::Through),
        ("thru", W::Through),
        ("between", W::Between),
        ("and", W::And),
        ("or", W::Or),
        ("in", W::In),
        ("on", W::On),
        ("at", W::At),
        ("since", W::Since),
        ("for", W::For),
        ("every", W::Every),
        ("each", W::Each),
        ("per", W::Per),
        ("few", W::Few),
        ("several", W::Several),
        ("some", W::Some),
        ("couple", W::Couple),
        ("many", W::Many),
        ("about", W::About),
        ("around", W::Around),
        ("approximately", W::Approximately),
        ("roughly", W::Approximately),
        ("nearly", W::Nearly),
        ("almost", W::Almost),
        ("more", W::More),
        ("less", W::Less),
        ("fewer", W::Less),
        ("than", W::Than),
        ("over", W::Over),
        ("under", W::Under),
        ("least", W::Least),
        ("most", W::Most),
        ("up", W::Up),
        ("within", W::Within),
        ("half", W::Half),
        ("fiscal", W::Fiscal),
        ("now", W::Now),
        ("today", W::Today),
        ("yesterday", W::Yesterday),
        ("tomorrow", W::Tomorrow),
        ("tonight", W::Tonight),
        ("overnight", W::Overnight),
        ("recently", W::Recently),
        ("lately", W::Recently),
        ("currently", W::Currently),
        ("presently", W::Currently),
        ("future", W::Future),
        ("soon", W::Soon),
        ("previously", W::Previously),
        ("formerly", W::Formerly),
        ("nowadays", W::Nowadays),
        ("present", W::Present),
        ("moment", W::Moment),
        ("time", W::Time),
        ("period", W::Period),
        ("noon", W::Noon),
        ("midnight", W::Midnight),
        ("midday", W::Midday),
        ("daily", W::Daily),
        ("weekly", W::Weekly),
        ("monthly", W::Monthly),
        ("yearly", W::Yearly),
        ("annually", W::Yearly),
        ("annual", W::Yearly),
        ("quarterly", W::Quarterly),
        ("hourly", W::Hourly),
        ("nightly", W::Daily),
        ("once", W::Once),
        ("twice", W::Twice),
        ("thrice", W::Thrice),
        ("times", W::Times),
        ("hence", W::Hence),
        ("ahead", W::Ahead),
        ("before", W::Before),
        ("after", W::After),
        ("long", W::Long),
        ("term", W::Term),
        ("near", W::Near),
        ("full", W::Full),
        ("whole", W::Whole),
        ("entire", W::Entire),
        ("eve", W::Eve),
        ("new", W::New),
        ("old", W::Old),
        ("then", W::Then),
        ("other", W::Other),
        ("another", W::Another),
        ("additional", W::Additional),
        ("further", W::Further),
        ("am", W::Am),
        ("pm", W::Pm),
    ] {
        put(name, &|l| l.w = w);
    }
    // Words that are both a function word and something else keep both roles: "second" is
    // an ordinal and a unit; "day" and "year" are units and name holidays ("New Year's Day").
    put("day", &|l| l.w = W::Day);
    put("year", &|l| l.w = W::Year);
    put("century", &|l| l.w = W::Century);
    put("decades", &|l| l.w = W::Decades);
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_every_role() {
        let second = lookup("second").unwrap();
        assert_eq!(second.ord, 2);
        assert_eq!(second.unit, Unit::Second);
        let may = lookup("may").unwrap();
        assert_eq!(may.month, 5);
        assert_eq!(lookup("day").unwrap().unit, Unit::Day);
        assert_eq!(lookup("day").unwrap().w, W::Day);
        assert!(lookup("fed").is_none());
    }
}
