using Powers.ControlRoom;

var app = ControlRoomApp.Build(args);
await app.RunAsync();
