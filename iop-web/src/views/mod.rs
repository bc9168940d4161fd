//! One module per view.

pub mod browse;
pub mod calendar;
pub mod charts;
pub mod compare;
pub mod detail;
pub mod editor;
pub mod readtext;
pub mod share;
pub mod whatif;

/// The views other than the list, each a part of the module loaded on its first use: the build
/// splits the module at these functions (`wasm_split`, xtask's `build`). The first load is the
/// list and the shell; a part is fetched when its view is first opened, and after one visit the
/// service worker holds them all. A part that cannot be fetched is an error the page shows, never a panic.
pub mod parts {
    use leptos::prelude::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};

    /// A view from a part, or why it could not be loaded.
    pub type Part = Result<AnyView, SplitLoaderError>;

    #[wasm_split(iop_detail, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn detail(id: String) -> Part {
        Ok(view! { <super::detail::Detail id=id /> }.into_any())
    }

    #[wasm_split(iop_compare, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn compare() -> Part {
        Ok(super::compare::Compare().into_any())
    }

    #[wasm_split(iop_what_if, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn what_if(id: String) -> Part {
        Ok(view! { <super::whatif::WhatIf id=id /> }.into_any())
    }

    #[wasm_split(iop_calendar, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn calendar(id: String) -> Part {
        Ok(view! { <super::calendar::Calendar id=id /> }.into_any())
    }

    #[wasm_split(iop_share, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn share() -> Part {
        Ok(super::share::Share().into_any())
    }

    #[wasm_split(iop_read_text, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn read_text() -> Part {
        Ok(super::readtext::ReadText().into_any())
    }
}
