//! The words of temporal expressions: month and weekday names, number words, calendar units,
//! seasons, parts of the day, holiday names, and the function words the grammar needs
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

/// A holiday. Its names are in [`HOLIDAY_NAMES`]; its date rule (a fixed day, an nth
/// weekday, a distance from Easter, a Hebrew date, or the table `holidays.tsv`) is in
/// `calendar::rule`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Holiday {
    /// Easter Sunday, by the Gregorian computus.
    Easter,
    GoodFriday,
    EasterMonday,
    AshWednesday,
    ShroveTuesday,
    PalmSunday,
    MaundyThursday,
    HolySaturday,
    Ascension,
    Pentecost,
    WhitMonday,
    CorpusChristi,
    /// UK: the fourth Sunday of Lent (Easter - 21).
    MotheringSunday,
    /// Ash Wednesday to Holy Saturday.
    Lent,
    /// Palm Sunday to Holy Saturday.
    HolyWeek,
    /// Easter of the Orthodox churches (the Julian computus).
    OrthodoxEaster,
    /// January 7: December 25 of the Julian calendar, 1900-2099.
    OrthodoxChristmas,
    /// The fourth Sunday before Christmas to Christmas Eve.
    Advent,
    Christmas,
    ChristmasEve,
    BoxingDay,
    NewYearsDay,
    NewYearsEve,
    /// US: fourth Thursday of November.
    Thanksgiving,
    /// Canada: second Monday of October.
    CanadianThanksgiving,
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
    /// US: second Sunday of May.
    MothersDay,
    /// Third Sunday of June.
    FathersDay,
    /// November 11 (`Armistice Day`, `Remembrance Day`).
    ArmisticeDay,
    /// UK: second Sunday of November.
    RemembranceSunday,
    BastilleDay,
    CanadaDay,
    AustraliaDay,
    AnzacDay,
    MayDay,
    Juneteenth,
    CincoDeMayo,
    GuyFawkesNight,
    /// 15 Nisan.
    Passover,
    /// 1 Tishrei.
    RoshHashanah,
    /// 10 Tishrei.
    YomKippur,
    /// 25 Kislev, eight days.
    Hanukkah,
    /// 14 Adar (Adar II in a leap year).
    Purim,
    /// 6 Sivan.
    Shavuot,
    /// 15 Tishrei, seven days.
    Sukkot,
    /// 1 Ramadan to the day before 1 Shawwal (table).
    Ramadan,
    /// 1 Shawwal (table).
    EidAlFitr,
    /// 10 Dhu al-Hijjah (table).
    EidAlAdha,
    /// Table.
    Diwali,
    /// The first day of the Chinese calendar's year (table).
    ChineseNewYear,
    /// The Korean calendar's (table).
    Seollal,
    /// The Vietnamese calendar's (table).
    Tet,
    /// A day of history rather than a yearly holiday: June 6, 1944.
    DDay,
}

/// The names of the holidays, each written as it is capitalized: a capitalized word must be
/// capitalized in the text (or the text all capitals), a lower-case one (`de`, `al`) may be
/// either. Between two words a hyphen may stand (`Eid al-Fitr`, `Eid-al-Fitr`); a word
/// ending in `'s` also matches without the apostrophe or with `s'` (`Mothers Day`,
/// `Presidents' Day`), except as the last word, where some possessive mark is needed
/// (`New Year's`); a word ending in `.` may go without it (`Jr`). The longest name wins;
/// `Day`, `Eve`, `Night`, `Sunday`... after the name are part of it only where listed.
pub(crate) const HOLIDAY_NAMES: &[(&str, Holiday)] = &[
    ("Easter", Holiday::Easter),
    ("Easter Sunday", Holiday::Easter),
    ("Easter Day", Holiday::Easter),
    ("Easter Monday", Holiday::EasterMonday),
    ("Good Friday", Holiday::GoodFriday),
    ("Ash Wednesday", Holiday::AshWednesday),
    ("Shrove Tuesday", Holiday::ShroveTuesday),
    ("Pancake Day", Holiday::ShroveTuesday),
    ("Fat Tuesday", Holiday::ShroveTuesday),
    ("Mardi Gras", Holiday::ShroveTuesday),
    ("Palm Sunday", Holiday::PalmSunday),
    ("Maundy Thursday", Holiday::MaundyThursday),
    ("Holy Thursday", Holiday::MaundyThursday),
    ("Holy Saturday", Holiday::HolySaturday),
    ("Ascension Day", Holiday::Ascension),
    ("Ascension Thursday", Holiday::Ascension),
    ("Pentecost", Holiday::Pentecost),
    ("Pentecost Sunday", Holiday::Pentecost),
    ("Whit Sunday", Holiday::Pentecost),
    ("Whitsunday", Holiday::Pentecost),
    ("Whitsun", Holiday::Pentecost),
    ("Whit Monday", Holiday::WhitMonday),
    ("Whitmonday", Holiday::WhitMonday),
    ("Corpus Christi", Holiday::CorpusChristi),
    ("Corpus Christi Day", Holiday::CorpusChristi),
    ("Corpus Christi Thursday", Holiday::CorpusChristi),
    ("Mothering Sunday", Holiday::MotheringSunday),
    ("Lent", Holiday::Lent),
    ("Holy Week", Holiday::HolyWeek),
    ("Orthodox Easter", Holiday::OrthodoxEaster),
    ("Orthodox Easter Sunday", Holiday::OrthodoxEaster),
    ("Orthodox Christmas", Holiday::OrthodoxChristmas),
    ("Orthodox Christmas Day", Holiday::OrthodoxChristmas),
    ("Advent", Holiday::Advent),
    ("Christmas", Holiday::Christmas),
    ("Xmas", Holiday::Christmas),
    ("Christmas Day", Holiday::Christmas),
    ("Christmas Eve", Holiday::ChristmasEve),
    ("Boxing Day", Holiday::BoxingDay),
    ("New Year's", Holiday::NewYearsDay),
    ("New Year's Day", Holiday::NewYearsDay),
    ("New Year's Eve", Holiday::NewYearsEve),
    ("Thanksgiving", Holiday::Thanksgiving),
    ("Thanksgiving Day", Holiday::Thanksgiving),
    ("Canadian Thanksgiving", Holiday::CanadianThanksgiving),
    ("Memorial Day", Holiday::MemorialDay),
    ("Labor Day", Holiday::LaborDay),
    ("Labour Day", Holiday::LaborDay),
    ("Independence Day", Holiday::IndependenceDay),
    ("Halloween", Holiday::Halloween),
    ("Valentine's Day", Holiday::ValentinesDay),
    ("St. Valentine's Day", Holiday::ValentinesDay),
    ("Saint Valentine's Day", Holiday::ValentinesDay),
    ("Martin Luther King Day", Holiday::MlkDay),
    ("Martin Luther King Jr. Day", Holiday::MlkDay),
    ("Martin Luther King, Jr. Day", Holiday::MlkDay),
    ("MLK Day", Holiday::MlkDay),
    ("President's Day", Holiday::PresidentsDay),
    ("Veteran's Day", Holiday::VeteransDay),
    ("Columbus Day", Holiday::ColumbusDay),
    ("Election Day", Holiday::ElectionDay),
    ("St. Patrick's Day", Holiday::StPatricksDay),
    ("Saint Patrick's Day", Holiday::StPatricksDay),
    ("Mother's Day", Holiday::MothersDay),
    ("Father's Day", Holiday::FathersDay),
    ("Armistice Day", Holiday::ArmisticeDay),
    ("Remembrance Day", Holiday::ArmisticeDay),
    ("Remembrance Sunday", Holiday::RemembranceSunday),
    ("Bastille Day", Holiday::BastilleDay),
    ("Canada Day", Holiday::CanadaDay),
    ("Australia Day", Holiday::AustraliaDay),
    ("Anzac Day", Holiday::AnzacDay),
    ("May Day", Holiday::MayDay),
    ("Juneteenth", Holiday::Juneteenth),
    ("Cinco de Mayo", Holiday::CincoDeMayo),
    ("Guy Fawkes Night", Holiday::GuyFawkesNight),
    ("Guy Fawkes Day", Holiday::GuyFawkesNight),
    ("Bonfire Night", Holiday::GuyFawkesNight),
    ("Passover", Holiday::Passover),
    ("Pesach", Holiday::Passover),
    ("Rosh Hashanah", Holiday::RoshHashanah),
    ("Rosh Hashana", Holiday::RoshHashanah),
    ("Rosh Hoshanah", Holiday::RoshHashanah),
    ("Yom Kippur", Holiday::YomKippur),
    ("Hanukkah", Holiday::Hanukkah),
    ("Hanukah", Holiday::Hanukkah),
    ("Chanukah", Holiday::Hanukkah),
    ("Chanukkah", Holiday::Hanukkah),
    ("Purim", Holiday::Purim),
    ("Shavuot", Holiday::Shavuot),
    ("Shavuos", Holiday::Shavuot),
    ("Sukkot", Holiday::Sukkot),
    ("Succot", Holiday::Sukkot),
    ("Sukkos", Holiday::Sukkot),
    ("Ramadan", Holiday::Ramadan),
    ("Ramadhan", Holiday::Ramadan),
    ("Eid al-Fitr", Holiday::EidAlFitr),
    ("Eid ul-Fitr", Holiday::EidAlFitr),
    ("Eid el-Fitr", Holiday::EidAlFitr),
    ("Eid al-Adha", Holiday::EidAlAdha),
    ("Eid ul-Adha", Holiday::EidAlAdha),
    ("Eid el-Adha", Holiday::EidAlAdha),
    ("Diwali", Holiday::Diwali),
    ("Deepavali", Holiday::Diwali),
    ("Chinese New Year", Holiday::ChineseNewYear),
    ("Lunar New Year", Holiday::ChineseNewYear),
    ("Seollal", Holiday::Seollal),
    ("Tet", Holiday::Tet),
    ("Tết", Holiday::Tet),
    ("D-Day", Holiday::DDay),
];

/// Names of holidays that alone mostly name something else (`Tet`, in English, is mostly
/// the 1968 offensive: "Tet contradicted the claims of progress"; `Corpus Christi` the Texas
/// city): they are dates only with a year, before one of [`HOLIDAY_NOUNS`] (`the Tet
/// holiday`) or after `the feast of` and the like. `Corpus Christi Day` needs nothing.
const HOLIDAY_NEEDS_CONTEXT: &[&str] = &["Tet", "Tết", "Corpus Christi"];

/// Nouns that make a name before them a holiday: `the Tet holiday`, `Tet festivities`.
pub(crate) const HOLIDAY_NOUNS: &[&str] = &[
    "holiday",
    "holidays",
    "festival",
    "festivities",
    "celebration",
    "celebrations",
];

/// One word of a holiday's name, as [`HOLIDAY_NAMES`] writes it.
#[derive(Debug)]
pub(crate) struct NameWord {
    /// Lower case, without `'s` or `.`.
    pub lower: String,
    /// Must be capitalized in the text.
    pub capital: bool,
    /// Written with `'s`.
    pub possessive: bool,
    /// Written with a final `.`.
    pub dot: bool,
    /// Written with a `,` after it.
    pub comma: bool,
    /// Follows a one-letter word and a hyphen (`D-Day`): the hyphen is needed.
    pub after_letter: bool,
}

/// A holiday's name, split into words.
#[derive(Debug)]
pub(crate) struct HolidayName {
    pub words: Vec<NameWord>,
    pub holiday: Holiday,
    /// Listed in [`HOLIDAY_NEEDS_CONTEXT`].
    pub needs_context: bool,
}

static HOLIDAY_INDEX: LazyLock<HashMap<String, Vec<HolidayName>, FnvBuild>> = LazyLock::new(|| {
    let mut index: HashMap<String, Vec<HolidayName>, FnvBuild> = HashMap::default();
    for (name, holiday) in HOLIDAY_NAMES {
        let mut words: Vec<NameWord> = Vec::new();
        for w in name.split([' ', '-']).filter(|w| !w.is_empty()) {
            let comma = w.ends_with(',');
            let w = w.trim_end_matches(',');
            let dot = w.ends_with('.');
            let w = w.trim_end_matches('.');
            let possessive = w.ends_with("'s");
            let w = w.trim_end_matches("'s");
            let after_letter = words.last().is_some_and(|p| p.lower.len() == 1);
            words.push(NameWord {
                lower: w.to_ascii_lowercase(),
                capital: w.starts_with(|c: char| c.is_ascii_uppercase()),
                possessive,
                dot,
                comma,
                after_letter,
            });
        }
        if let Some(first) = words.first() {
            index
                .entry(first.lower.clone())
                .or_default()
                .push(HolidayName {
                    words,
                    holiday: *holiday,
                    needs_context: HOLIDAY_NEEDS_CONTEXT.contains(name),
                });
        }
    }
    index
});

/// The holiday names whose first word is `word`, in any case (no allocation: this runs on
/// every capitalized word).
pub(crate) fn holiday_names(word: &str) -> &'static [HolidayName] {
    let mut buf = [0u8; 24];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return &[];
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower)
        .ok()
        .and_then(|l| HOLIDAY_INDEX.get(l))
        .map_or(&[], |v| v.as_slice())
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
    }
}

type Table = HashMap<&'static str, Lex, FnvBuild>;

static TABLE: LazyLock<Table> = LazyLock::new(build);

/// Looks up a lower-case word.
pub(crate) fn lookup(lower: &str) -> Option<&'static Lex> {
    TABLE.get(lower)
}

/// Informal spellings read in colloquial text (see `genre`) as the word they stand for.
pub(crate) const COLLOQUIAL_SPELLINGS: &[(&str, &str)] = &[
    ("tmr", "tomorrow"),
    ("tmrw", "tomorrow"),
    ("tmw", "tomorrow"),
    ("tmro", "tomorrow"),
    ("2moro", "tomorrow"),
    ("2morrow", "tomorrow"),
    ("2mr", "tomorrow"),
    ("tomoro", "tomorrow"),
    ("tomolo", "tomorrow"),
    ("tdy", "today"),
    ("2day", "today"),
    ("tday", "today"),
    ("tonite", "tonight"),
    ("2nite", "tonight"),
    ("tnite", "tonight"),
    ("2night", "tonight"),
    ("ytd", "yesterday"),
    ("yday", "yesterday"),
    ("yest", "yesterday"),
    ("wkend", "weekend"),
    ("wknd", "weekend"),
    ("mins", "minutes"),
    ("hrs", "hours"),
    ("yrs", "years"),
    ("wks", "weeks"),
];

/// Words of chat and posts, one of the signs of colloquial text (see `genre`).
pub(crate) const INFORMAL_WORDS: &[&str] = &[
    "lol", "omg", "lmao", "rofl", "haha", "hahaha", "hehe", "gonna", "wanna", "gotta", "idk",
    "btw", "imo", "tbh", "ur", "u", "pls", "plz", "thx", "tmr", "tmrw", "2day", "2nite", "xoxo",
];

/// Weekday abbreviations that are also everyday words (`I sat down`, `the sun`), read as
/// weekdays in colloquial text only after a word that points to a day.
pub(crate) const WEEKDAY_ABBR_WORDS: &[&str] = &["wed", "sat", "sun"];

/// Words after which a colloquial weekday abbreviation is a day: `this sun`, `on sat`.
pub(crate) const DAY_POINTERS: &[&str] = &[
    "this", "next", "last", "on", "every", "by", "till", "til", "until", "from", "to", "coming",
];

/// Month names that are also everyday words, never read as months when written in lower
/// case.
pub(crate) const MONTH_WORDS: &[&str] = &["may", "march"];

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
