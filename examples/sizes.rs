use rms_sim::sim::{AccountDetails, Config, Preset, SeededRandom, World};
fn main() {
    let mut rng = SeededRandom::new(2016);
    let mut w = World::load(Preset::Default, Config { pbkdf2_iterations: 1, ..Config::default() }, &mut rng);
    let d = AccountDetails {
        first_name: "Bench".into(),
        last_name: "User".into(),
        password: "Bench-2016!".into(),
        confirm_password: "Bench-2016!".into(),
        country: "US".into(),
    };
    for i in 0..10_000 {
        let email = format!("user{i}@org{}.com", i % 1000);
        w.start_signup(rms_sim::sim::SHARED_BROWSER, &email, &mut rng).unwrap();
        let token = w.signups.pending.values().next().unwrap().clone();
        w.complete_signup(&token, &d, &mut rng).unwrap();
    }
    let s = |v: String| v.len() as f64 / 1e6;
    println!("tenants {:.2} MB", s(serde_json::to_string(&w.directory.tenants).unwrap()));
    println!(
        "users-only {:.2} MB",
        s(serde_json::to_string(&w.directory.tenants.values().flat_map(|t| t.users.values()).collect::<Vec<_>>())
            .unwrap())
    );
    println!("mailboxes {:.2} MB", s(serde_json::to_string(&w.mail.mailboxes).unwrap()));
    println!("signups {:.2} MB", s(serde_json::to_string(&w.signups.flows).unwrap()));
    println!("events {:.2} MB", s(serde_json::to_string(&w.log.events).unwrap()));
    println!("domains {:.2} MB", s(serde_json::to_string(&w.directory.domains).unwrap()));
    std::fs::write("/tmp/world10k.json", rms_sim::persist::encode(&w)).unwrap();
    let stored = rms_sim::persist::encode_stored(&w);
    println!("stored (packed) {:.2} M chars", stored.chars().count() as f64 / 1e6);
}
