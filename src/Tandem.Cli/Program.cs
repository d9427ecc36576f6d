Console.WriteLine("tandem");
