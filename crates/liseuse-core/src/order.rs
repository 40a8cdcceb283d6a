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

use std::borrow::Borrow;
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

/// A set kept as a vector in ascending order without repeats. The engine's
/// sets are small (a query's terms, the best hits' documents), and a
/// `BTreeSet` compiles its tree's code for every item type: the first
/// result's wasm lost 10 kB of gzip without them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedSet<T>(Vec<T>);

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        SortedSet(Vec::new())
    }
}

impl<T: Ord> SortedSet<T> {
    /// The empty set.
    pub fn new() -> Self {
        SortedSet(Vec::new())
    }

    /// Adds `item`; whether it was not there yet.
    pub fn insert(&mut self, item: T) -> bool {
        match self.0.binary_search(&item) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, item);
                true
            }
        }
    }

    /// Whether `item` is in the set (a `&str` for a set of `String`s).
    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|x| x.borrow().cmp(item)).is_ok()
    }

    /// The items, ascending.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// How many items.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut items: Vec<T> = items.into_iter().collect();
        sort_dedup(&mut items);
        SortedSet(items)
    }
}

impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        self.0.extend(items);
        sort_dedup(&mut self.0);
    }
}

impl<T> IntoIterator for SortedSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// The value of `key` among `pairs` (ascending by key), added as the
/// default if it is not there: a map's `entry(key).or_default()` for the
/// engine's small maps (see [`SortedSet`]).
pub fn entry<K: Ord, V: Default>(pairs: &mut Vec<(K, V)>, key: K) -> &mut V {
    let at = match pairs.binary_search_by(|(k, _)| k.cmp(&key)) {
        Ok(at) => at,
        Err(at) => {
            pairs.insert(at, (key, V::default()));
            at
        }
    };
    &mut pairs[at].1
}

/// The value of `key` among `pairs` (ascending by key), if there is one.
pub fn get<'a, K: Ord, V>(pairs: &'a [(K, V)], key: &K) -> Option<&'a V> {
    let at = pairs.binary_search_by(|(k, _)| k.cmp(key)).ok()?;
    Some(&pairs[at].1)
}

/// The positions `0..len`, in the order `compare` gives: the one place
/// where the standard sort is compiled for this module.
fn positions_in_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len as u32).collect();
    // Stable by the position, the last key: the unstable sort then gives
    // the stable one's order, and the engine's code has no stable sort.
    order.sort_unstable_by(|&a, &b| compare(a as usize, b as usize).then(a.cmp(&b)));
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

    proptest! {
        #[test]
        fn a_sorted_set_holds_what_a_btree_set_holds(items in proptest::collection::vec(0u8..40, 0..60), probe in 0u8..40) {
            let mut ours = SortedSet::new();
            let mut theirs = BTreeSet::new();
            for &item in &items {
                prop_assert_eq!(ours.insert(item), theirs.insert(item));
            }
            prop_assert!(ours.iter().eq(theirs.iter()));
            prop_assert_eq!(ours.contains(&probe), theirs.contains(&probe));
            let collected: SortedSet<u8> = items.iter().copied().collect();
            prop_assert_eq!(&collected, &ours);
            let mut extended = SortedSet::new();
            extended.extend(items.iter().copied());
            prop_assert_eq!(&extended, &ours);
        }

        #[test]
        fn entry_and_get_do_what_a_btree_map_does(pairs in proptest::collection::vec((0u8..20, 0u32..9), 0..40), probe in 0u8..20) {
            let mut ours: Vec<(u8, Vec<u32>)> = Vec::new();
            let mut theirs: BTreeMap<u8, Vec<u32>> = BTreeMap::new();
            for &(key, value) in &pairs {
                entry(&mut ours, key).push(value);
                theirs.entry(key).or_default().push(value);
            }
            prop_assert!(ours.iter().map(|(k, v)| (k, v)).eq(theirs.iter()));
            prop_assert_eq!(get(&ours, &probe), theirs.get(&probe));
        }
    }

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
