//! Sorting for the code the app ships, with one copy of the sort algorithm.
//!
//! The standard library's sorts are fast and large: every call of
//! `sort_by` with its own element type or closure compiles its own copy of
//! the algorithm, about 4 KB of wasm each. The app sorts small lists in many
//! places (names, months, terms, saved articles), so these sort the
//! positions `0..len` once, with one compiled comparison through `dyn`, and
//! then move the items where they belong. That is slower per comparison
//! than the standard sort, and meant for lists of at most a few thousand
//! items; the query engine's hot sorts (hits by rank, document numbers)
//! keep the standard ones.
//!
//! This module imports nothing of the crate: it is at the bottom of its layers.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `compare`, stably (equal items keep their order).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = positions_in_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key that `key` gives each, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in ascending order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts and removes repeated items: each value once, ascending.
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort(items);
    items.dedup();
}

/// The set of `items`. Collecting into a `BTreeSet` sorts first, with a
/// copy of the sort for each item type; this inserts one by one.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// The map of `pairs`, the last value of a key kept (as `collect` keeps
/// it), built without a sort (see [`set`]).
pub fn map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(pairs);
    map
}

/// The positions `0..len`, in the order `compare` gives: the one place
/// where the standard sort is compiled for this module.
fn positions_in_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_by(|&a, &b| compare(a as usize, b as usize));
    order
}

/// Puts the item at `order[i]` at position `i`, one cycle of the permutation
/// after another, by swaps (each item moves once; `order` is used up).
fn permute<T>(items: &mut [T], mut order: Vec<u32>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            // Marks `at` as filled: a later start skips its cycle.
            order[at] = at as u32;
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_stably() {
        let mut pairs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        sort_by(&mut pairs, |a, b| b.0.cmp(&a.0));
        assert_eq!(pairs, [(2, 'a'), (2, 'c'), (1, 'b'), (1, 'e'), (0, 'd')]);
    }

    #[test]
    fn sorts_owned_items_without_losing_any() {
        let mut words: Vec<String> = ["poire", "abricot", "mûre", "", "kaki", "abricot"]
            .map(String::from)
            .to_vec();
        sort_dedup(&mut words);
        assert_eq!(words, ["", "abricot", "kaki", "mûre", "poire"]);
    }

    #[test]
    fn sets_and_maps_as_collect_makes_them() {
        let pairs = [("b", 1), ("a", 2), ("b", 3)];
        assert_eq!(map(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(set([3, 1, 3, 2]), BTreeSet::from([1, 2, 3]));
    }

    proptest! {
        #[test]
        fn same_order_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            let mut sorted = items;
            sort_by_key(&mut sorted, |p| p.0);
            prop_assert_eq!(sorted, expected);
        }
    }
}
