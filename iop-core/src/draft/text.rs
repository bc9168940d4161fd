//! The draft's text as data: sections of paragraphs and lists, each a run of plain text, bold
//! text and gaps the author must fill. Built once, rendered as Markdown and as HTML.

use crate::known::Known;

/// A piece of running text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Bold text (a party's name).
    Strong(String),
    /// What the author must fill in (`[ATT FYLLA I: …]`).
    Fill(String),
}

/// A paragraph or a bullet list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// One paragraph.
    Para(Vec<Inline>),
    /// A bullet list, one run of text per item.
    List(Vec<Vec<Inline>>),
}

/// One numbered section of the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Its heading (`Ekonomi`).
    pub title: String,
    /// Its paragraphs and lists, in order.
    pub blocks: Vec<Block>,
}

/// A run of inline text, built piece by piece.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Run(pub Vec<Inline>);

impl Run {
    /// An empty run.
    pub fn new() -> Run {
        Run(Vec::new())
    }

    /// Plain text.
    pub fn t(mut self, text: impl Into<String>) -> Run {
        self.0.push(Inline::Text(text.into()));
        self
    }

    /// Bold text.
    pub fn b(mut self, text: impl Into<String>) -> Run {
        self.0.push(Inline::Strong(text.into()));
        self
    }

    /// A gap for the author.
    pub fn fill(mut self, what: impl Into<String>) -> Run {
        self.0.push(Inline::Fill(what.into()));
        self
    }

    /// The value as text when known, a gap naming `what` when not.
    pub fn known<T>(self, v: Known<T>, what: &str, f: impl FnOnce(T) -> String) -> Run {
        match v {
            Known::Known(x) => self.t(f(x)),
            Known::Unknown => self.fill(what),
        }
    }

    /// Text when present, a gap naming `what` when not.
    pub fn or_fill(self, text: Option<String>, what: &str) -> Run {
        match text {
            Some(t) if !t.is_empty() => self.t(t),
            _ => self.fill(what),
        }
    }

    /// Another run appended.
    pub fn then(mut self, other: Run) -> Run {
        self.0.extend(other.0);
        self
    }

    /// As a paragraph.
    pub fn para(self) -> Block {
        Block::Para(self.0)
    }
}

/// A bullet list of plain items, or one gap naming `what` when there are none.
pub fn list(items: &[String], what: &str) -> Block {
    if items.is_empty() {
        Block::List(vec![Run::new().fill(what).0])
    } else {
        Block::List(items.iter().map(|i| Run::new().t(i.clone()).0).collect())
    }
}
