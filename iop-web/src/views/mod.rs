//! One module per view.

pub mod browse;
pub mod calendar;
pub mod charts;
pub mod compare;
pub mod detail;
pub mod editor;
pub mod lead;
pub mod map;
pub mod office;
pub mod percent;
pub mod readtext;
pub mod share;
pub mod termination;
pub mod whatif;
