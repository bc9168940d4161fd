//! Stamps the binary with the day it was built, for `iop --version`: `IOP_BUILD_DATE` when set
//! (the workspace's build tool sets it for the app too), else the day of `SOURCE_DATE_EPOCH`
//! (reproducible builds), else today (UTC). Runs again when the sources change.
fn main() {
    for var in ["IOP_BUILD_DATE", "SOURCE_DATE_EPOCH"] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    for path in ["src", "../iop-core/src", "Cargo.toml"] {
        println!("cargo:rerun-if-changed={path}");
    }
    let date = std::env::var("IOP_BUILD_DATE").unwrap_or_else(|_| {
        let at = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
            .unwrap_or_else(chrono::Utc::now);
        at.format("%Y-%m-%d").to_string()
    });
    println!("cargo:rustc-env=IOP_BUILD_DATE={date}");
}
