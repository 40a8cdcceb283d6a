//! The names of a folder's articles, for the benchmark against a reference
//! (`scripts/bench-names`, which runs spaCy's French model over the same
//! articles): the `TOP` names in the most articles, each with its kind and
//! up to `SAMPLE` of its articles, and the text of those articles, as JSON.
//!
//! ```sh
//! cargo run --release -p liseuse-build --example names -- FOLDER [TOP] > names.json
//! ```
//!
//! The texts are the folder's own: write the output outside the repository
//! when the folder's articles may not be redistributed.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use liseuse_build::import::read_folder;

/// How many of each name's articles the reference reads.
const SAMPLE: usize = 6;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: names FOLDER [TOP]");
        return ExitCode::FAILURE;
    };
    let top: usize = (args.next())
        .and_then(|n| n.to_str()?.parse().ok())
        .unwrap_or(200);
    let (articles, _, report) = match read_folder(&dir) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!("{report}");
    let started = std::time::Instant::now();
    let (names, _) = liseuse_build::entities::find(&articles);
    eprintln!(
        "{} names found in {:.1} s",
        names.len(),
        started.elapsed().as_secs_f64()
    );
    let mut ranked: Vec<&liseuse_build::entities::Entity> = names.iter().map(|(_, e)| e).collect();
    ranked.sort_by(|a, b| b.docs.len().cmp(&a.docs.len()).then(a.name.cmp(&b.name)));
    let mut texts: BTreeMap<u32, String> = BTreeMap::new();
    let listed: Vec<serde_json::Value> = (ranked.iter().take(top))
        .map(|entity| {
            // Spread over its articles, not only the first ones.
            let step = (entity.docs.len() / SAMPLE).max(1);
            let sample: Vec<u32> = entity
                .docs
                .iter()
                .step_by(step)
                .take(SAMPLE)
                .copied()
                .collect();
            for &doc in &sample {
                texts.entry(doc).or_insert_with(|| {
                    let article = &articles[doc as usize];
                    format!("{}\n\n{}", article.title, article.body_text())
                });
            }
            serde_json::json!({
                "name": entity.name,
                "kind": format!("{:?}", entity.kind),
                "docs": entity.docs.len(),
                "mentions": entity.mentions,
                "sample": sample,
            })
        })
        .collect();
    let out = serde_json::json!({ "names": listed, "texts": texts });
    println!("{out}");
    ExitCode::SUCCESS
}
