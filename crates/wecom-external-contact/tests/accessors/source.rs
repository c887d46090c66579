//! Reading the domain crates' sources: their accessors (`wecom_core::accessor!`), the facade feature
//! that brings each crate, and every public method of each API struct with its doc comment.

use std::fs;
use std::path::{Path, PathBuf};

pub const DOC_URL: &str = "https://developer.work.weixin.qq.com/document/path/";

/// One accessor (`client.customer()`) and what it reaches.
#[derive(Debug)]
pub struct Accessor {
    /// The facade feature that brings it.
    pub feature: String,
    /// The crate, e.g. `wecom-customer`.
    pub krate: String,
    /// The facade's module of that crate, e.g. `customer`.
    pub module: String,
    /// The API struct, e.g. `CustomerApi`.
    pub api: String,
    /// The extension trait, e.g. `CustomerExt`.
    pub ext: String,
    /// The accessor method, e.g. `customer`.
    pub method: String,
    /// The accessor's doc line.
    pub summary: String,
    /// Its public methods, in source order.
    pub methods: Vec<Method>,
}

/// A public method of an API struct.
#[derive(Debug)]
pub struct Method {
    pub name: String,
    /// WeCom's Chinese name of the endpoint, for an endpoint method.
    pub api_name: Option<String>,
    /// The WeCom documents its doc comment links, in order.
    pub docs: Vec<String>,
}

pub fn crates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("crates/")
        .to_path_buf()
}

pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `(feature, crate)` of every facade feature that brings one domain crate, in Cargo.toml's order.
pub fn features() -> Vec<(String, String)> {
    let toml = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"));
    let section = toml.split("[features]").nth(1).expect("[features]");
    let section = section.split("\n[").next().unwrap_or(section);
    section
        .lines()
        .filter_map(|line| {
            let (name, deps) = line.split_once(" = [")?;
            let dep = deps.strip_prefix("\"dep:")?.split('"').next()?;
            let own_accessors = dep != "wecom-callback" && dep != "wecom-token-redis";
            own_accessors.then(|| (name.trim().to_owned(), dep.to_owned()))
        })
        .collect()
}

/// The `wecom_core::accessor!` declarations of a crate: `(summary, api, ext, method)`.
pub fn declared_accessors(lib: &str) -> Vec<(String, String, String, String)> {
    let mut found = Vec::new();
    for block in lib.split("wecom_core::accessor! {").skip(1) {
        let body = block.split('}').next().unwrap_or_default();
        let mut summary = Vec::new();
        for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(doc) = line.strip_prefix("///") {
                summary.push(doc.trim());
            } else if let [api, ext, method] = line.split(", ").collect::<Vec<_>>()[..] {
                let names = (api.to_owned(), ext.to_owned(), method.to_owned());
                found.push((summary.join(" "), names.0, names.1, names.2));
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The public methods of `impl … {api}<…> { … }` blocks in `source`, with their doc comments.
fn methods_of(source: &str, api: &str) -> Vec<(String, Vec<String>)> {
    let mut methods = Vec::new();
    let mut inside = false;
    let mut doc: Vec<String> = Vec::new();
    for line in source.lines() {
        if let Some(head) = line.strip_prefix("impl") {
            let head = head.strip_prefix("<'a>").unwrap_or(head).trim_start();
            inside = head.split(['<', ' ']).next() == Some(api);
            doc.clear();
            continue;
        }
        if line == "}" {
            inside = false;
        }
        if !inside || line.starts_with("    #[") {
            continue;
        }
        if let Some(text) = line.strip_prefix("    ///") {
            doc.push(text.trim().to_owned());
        } else if let Some(sig) = line
            .strip_prefix("    pub async fn ")
            .or_else(|| line.strip_prefix("    pub fn "))
        {
            let name = sig.split(['(', '<']).next().unwrap_or_default().to_owned();
            methods.push((name, std::mem::take(&mut doc)));
        } else {
            doc.clear();
        }
    }
    methods
}

/// WeCom's name of an endpoint: what its doc comment's first paragraph says before `: ` or ` — `,
/// less a parenthesis in English (`(获客助手组件)` stays, `(「营销获客」 third-party apps)` goes).
fn api_name(doc: &[String]) -> String {
    let paragraph = doc
        .split(|l| l.is_empty())
        .next()
        .unwrap_or_default()
        .join(" ");
    let name = paragraph
        .split(": ")
        .next()
        .and_then(|n| n.split(" — ").next())
        .unwrap_or_default()
        .trim_end_matches('.');
    if let Some((head, inner)) = name.rsplit_once(" (") {
        let english = inner
            .split_whitespace()
            .filter(|w| {
                w.chars()
                    .all(|c| c.is_ascii_alphabetic() || "-'),".contains(c))
            })
            .count();
        if english >= 2 {
            return head.to_owned();
        }
    }
    name.to_owned()
}

fn method(name: String, doc: &[String]) -> Method {
    let text = doc.join(" ");
    let mut docs: Vec<String> = Vec::new();
    for part in text.split(DOC_URL).skip(1) {
        let id: String = part.chars().take_while(char::is_ascii_digit).collect();
        if !id.is_empty() && !docs.contains(&id) {
            docs.push(id);
        }
    }
    let endpoint = !docs.is_empty() && !name.ends_with("_stream");
    Method {
        api_name: endpoint.then(|| api_name(doc)),
        name,
        docs,
    }
}

pub fn accessors() -> Vec<Accessor> {
    let mut all = Vec::new();
    for (feature, krate) in features() {
        let dir = crates_dir().join(&krate);
        let mut files = Vec::new();
        rust_files(&dir.join("src"), &mut files);
        let sources: Vec<String> = files.iter().map(|f| read(f)).collect();
        let declared = declared_accessors(&read(&dir.join("src/lib.rs")));
        assert!(!declared.is_empty(), "{krate} declares no accessor");
        for (summary, api, ext, name) in declared {
            let methods = sources
                .iter()
                .flat_map(|s| methods_of(s, &api))
                .map(|(name, doc)| method(name, &doc))
                .collect();
            all.push(Accessor {
                feature: feature.clone(),
                module: krate.trim_start_matches("wecom-").replace('-', "_"),
                krate: krate.clone(),
                api,
                ext,
                method: name,
                summary,
                methods,
            });
        }
    }
    all
}
