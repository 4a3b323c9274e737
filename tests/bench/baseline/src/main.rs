//! A bare Tauri 2 window with a static HTML sign-in form: what the app is measured against.

fn main() {
    // The same stage line the app logs, so a slow start can be split the same way in both.
    let started = std::time::Instant::now();
    tauri::Builder::default()
        .setup(move |_| {
            eprintln!("setting up after_ms={}", started.elapsed().as_millis());
            Ok(())
        })
        .on_page_load(move |_, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                eprintln!(
                    "the page has loaded after_ms={}",
                    started.elapsed().as_millis()
                );
            }
        })
        .run(tauri::generate_context!())
        .expect("the baseline window did not open");
}
