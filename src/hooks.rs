//! Custom hooks.

mod use_prepared;
mod use_route;

pub use use_prepared::use_prepared;
pub use use_route::{use_route, Navigator};
