//! Work on every core, for the build (never called by the app: a browser
//! page has one thread). Results come in the order of the input, so a
//! build gives the same bytes on any number of cores.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The number of cores to work on.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `work` on shares of the numbers `0..count` in a row, a share a core:
/// the results in the order of the shares (one share for no number).
pub fn in_ranges<R: Send>(
    count: usize,
    work: impl Fn(std::ops::Range<usize>) -> R + Sync,
) -> Vec<R> {
    let cores = cores();
    if cores == 1 || count < 2 {
        return vec![work(0..count)];
    }
    let size = count.div_ceil(cores);
    std::thread::scope(|scope| {
        let work = &work;
        let running: Vec<_> = ((0..count).step_by(size))
            .map(|start| scope.spawn(move || work(start..(start + size).min(count))))
            .collect();
        (running.into_iter())
            .map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
            .collect()
    })
}

/// `work` on each of `items`, the next item to the first core free (for
/// items of unequal sizes): the results in the order of the items.
pub fn each<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    each_on(cores(), items, work)
}

/// [`each`] on `threads` cores at most.
pub fn each_on<T: Send, R: Send>(
    threads: usize,
    items: Vec<T>,
    work: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let count = items.len();
    let items: Vec<Mutex<Option<T>>> = items.into_iter().map(|i| Mutex::new(Some(i))).collect();
    let results: Vec<Mutex<Option<R>>> = (0..count).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let lock = |m: &Mutex<Option<T>>| m.lock().unwrap_or_else(|e| e.into_inner()).take();
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, count.max(1)) {
            scope.spawn(|| loop {
                let at = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(at).and_then(lock) else {
                    break;
                };
                let result = work(item);
                *results[at].lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
            });
        }
    });
    (results.into_iter())
        .filter_map(|r| r.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect()
}

/// `work` on every core on the items `produce` gives as it makes them (on
/// this thread), holding at most two an idle core: what a build writes
/// as it goes, never all at once. The results come in the order the items
/// came.
pub fn streamed<T: Send, R: Send>(
    produce: impl FnOnce(&mut dyn FnMut(T)),
    work: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let threads = cores();
    let (send, receive) = std::sync::mpsc::sync_channel::<(usize, T)>(threads * 2);
    let receive = Mutex::new(receive);
    let results: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let next = receive.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((at, item)) = next else { break };
                let result = work(item);
                (results.lock().unwrap_or_else(|e| e.into_inner())).push((at, result));
            });
        }
        let mut at = 0;
        produce(&mut |item| {
            // (The workers end only when this sender is dropped.)
            let _ = send.send((at, item));
            at += 1;
        });
        drop(send);
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_unstable_by_key(|&(at, _)| at);
    results.into_iter().map(|(_, result)| result).collect()
}

/// Gives back to the system the memory the workers have freed. The C
/// allocator (glibc) keeps an arena a thread and hands one thread's free
/// memory to no other: without this, the merge that follows the segments,
/// on this thread, takes new memory beside what the segments' threads
/// freed (a gigabyte at 300,000 articles, `scripts/bench-archive`).
/// Nothing elsewhere than on glibc.
pub fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim takes no pointer, changes no allocation in
        // use and only returns free memory to the system (glibc 2.8 on
        // trims every arena).
        unsafe {
            malloc_trim(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_order_of_the_items() {
        let items: Vec<u32> = (0..1000).collect();
        let shares = in_ranges(items.len(), |range| {
            (range.clone(), items[range].iter().sum::<u32>())
        });
        assert_eq!(
            shares.iter().map(|s| s.1).sum::<u32>(),
            items.iter().sum::<u32>()
        );
        // Every number once, in order.
        let numbers: Vec<usize> = shares.iter().flat_map(|s| s.0.clone()).collect();
        assert_eq!(numbers, (0..items.len()).collect::<Vec<_>>());
        assert_eq!(in_ranges(0, |range| range.len()), vec![0]);
        assert_eq!(
            each(items.clone(), |i| i * 2),
            items.iter().map(|i| i * 2).collect::<Vec<_>>()
        );
        assert!(each(Vec::<u32>::new(), |i| i).is_empty());
        let made = streamed(|out| (0..1000u32).for_each(out), |i| i * 2);
        assert_eq!(made, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert!(streamed(|_| {}, |i: u32| i).is_empty());
    }
}
