//! A bare Tauri 2 window with a static HTML sign-in form: what the app is measured against.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the baseline window did not open");
}
