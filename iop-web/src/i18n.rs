//! Swedish first, English one click away: every fixed text of the page in both languages.

use serde::{Deserialize, Serialize};

/// The page's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Lang {
    /// Svenska (default).
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// The `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Picks the text for this language.
    pub fn t(self, sv: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// Picks between owned texts.
    pub fn pick(self, sv: String, en: String) -> String {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// The word for an unknown value.
    pub fn unknown(self) -> &'static str {
        self.t("okänt", "unknown")
    }
}
